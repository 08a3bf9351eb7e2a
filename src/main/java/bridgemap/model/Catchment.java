package bridgemap.model;

import java.util.List;

/**
 * The boroughs a setting serves, when they are more than the one it stands in ({@code catchments.csv}): a
 * magistrates' court serves its Local Justice Area (Camberwell Green, standing in Southwark, serves Lambeth and
 * Southwark). A setting without a catchment serves its own borough only.
 *
 * @param settingId the setting
 * @param boroughIds the boroughs it serves, its own among them
 * @param area the catchment's name in the field (a Local Justice Area), or null
 */
public record Catchment(String settingId, List<String> boroughIds, String area) {

    public Catchment {
        boroughIds = List.copyOf(boroughIds);
    }
}
