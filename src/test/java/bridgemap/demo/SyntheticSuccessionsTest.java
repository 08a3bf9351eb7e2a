package bridgemap.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.ingest.BundleCsv;
import bridgemap.ingest.BundleFile;
import bridgemap.ingest.BundleSource;
import bridgemap.ingest.BundleValidator;
import bridgemap.ingest.StoredIds;
import bridgemap.model.Agency;
import bridgemap.model.Bundle;
import bridgemap.model.Funder;
import bridgemap.model.ProgressListener;
import bridgemap.model.Succession;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator's reorganisations (issue 15): valid under every rule of successions.csv, at every scale. */
class SyntheticSuccessionsTest {

    @TempDir
    Path out;

    @Test
    void theSmallBundleIsValidWithItsProbationSplitAndReunification() throws Exception {
        SyntheticBundle.generate(SyntheticScale.small(), 7, out, ProgressListener.NONE);
        Bundle bundle = BundleValidator.validate(BundleSource.read(out, BundleSource.DEFAULT_MAX_BYTES), StoredIds.NONE);
        assertEquals(10, bundle.successions().size());
        assertTrue(bundle.successions().contains(new Succession("probation-1", "probation-1-crc",
                LocalDate.of(2023, 6, 6), java.util.Set.of(Succession.Takes.POSTS), "synthetic split")));
    }

    @Test
    void theEnglandScaleMergesCareBoardsAndIsValid() throws Exception {
        SyntheticScale england = SyntheticScale.england();
        SplittableRandom rnd = new SplittableRandom(SyntheticBundle.DEFAULT_SEED);
        SyntheticEstate estate = new SyntheticEstate(england, rnd);
        SyntheticStaff staff = new SyntheticStaff(england, estate, rnd);
        SyntheticSuccessions successions = new SyntheticSuccessions(england, estate, staff);

        // The successions refer to agencies and funders only: those files and theirs make a bundle of their own.
        List<Agency> agencies = new ArrayList<>(estate.agencies);
        agencies.addAll(successions.agencies);
        List<Funder> funders = new ArrayList<>(staff.funders);
        funders.addAll(successions.funders);
        Bundle written = new Bundle(List.of(), agencies, List.of(), List.of(), List.of(), List.of(), List.of(), funders,
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), successions.successions);
        Map<BundleFile, byte[]> files = BundleCsv.files(written);
        files.keySet().retainAll(List.of(BundleFile.AGENCIES, BundleFile.FUNDERS, BundleFile.SUCCESSIONS));
        Bundle read = BundleValidator.validate(BundleSource.of("england", files), StoredIds.NONE);

        assertEquals(successions.successions.size(), read.successions().size());
        long regions = england.regionSizes().size();
        long merges = read.successions().stream().filter(s -> s.successorId().startsWith("fund-icb-region-")).count();
        assertEquals(4 * regions + 2 + merges, read.successions().size(), "4 per probation region, 2 for its funder");
        assertTrue(merges > 0, "care boards merge");
    }
}
