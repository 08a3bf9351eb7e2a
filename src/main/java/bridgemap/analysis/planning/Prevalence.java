package bridgemap.analysis.planning;

import bridgemap.model.SettingKind;
import java.util.List;
import java.util.Optional;

/**
 * The share of the people passing through a kind of setting who have mental-health needs, as published: the planner
 * multiplies activity figures by it where they flag no share of their own ({@code docs/analysis.md}, "Demand").
 *
 * <ul>
 *   <li>probation office 0.56: London Probation's 2009 caseload, completed OASys assessments with mental-health
 *       indicators, 56% on average (48–71% by borough) — Senior &amp; Kinsella, <i>A working partnership</i>, Sheffield
 *       Hallam University 2014, p. 7;</li>
 *   <li>police custody 0.33: "evidence of mental disturbance in a third" of consecutive London custody records
 *       (McKinnon &amp; Grubin, as reported in McKinnon et al., "Screening for psychiatric morbidity in police custody:
 *       results from the HELP-PC project", <i>The Psychiatrist</i> 37(12), 2013);</li>
 *   <li>magistrates' court and Crown Court 0.30: at least one psychiatric diagnosis in 48.5% of South London defendants
 *       attending court from custody and 20.3% of those attending from the community (Brown et al., "Prevalence of
 *       mental disorders in defendants at criminal court", <i>BJPsych Open</i> 2022), weighted 1 : 2 on the
 *       assumption that about a third of first appearances come from custody;</li>
 *   <li>prison 0.72: 72% of male (70% of female) sentenced prisoners with two or more mental disorders (ONS survey of
 *       psychiatric morbidity among prisoners, 1997, as cited by the case study, p. 8); the case study's "up to 90%"
 *       (pp. 11–12) is an upper bound.</li>
 * </ul>
 * Community settings record no activity, so they have none.
 *
 * @param kind the kind of setting
 * @param share the share with mental-health needs, in (0, 1)
 * @param source where the share comes from, in short
 */
public record Prevalence(SettingKind kind, double share, String source) {

    /** The documented prevalence of each kind of setting that records activity, in setting-kind order. */
    public static final List<Prevalence> DEFAULTS = List.of(
            new Prevalence(SettingKind.POLICE_CUSTODY, 0.33,
                    "a third of London custody records (McKinnon & Grubin; McKinnon et al. 2013)"),
            new Prevalence(SettingKind.MAGISTRATES_COURT, 0.30,
                    "48.5% from custody, 20.3% from the community, weighted 1 : 2 (Brown et al. 2022)"),
            new Prevalence(SettingKind.CROWN_COURT, 0.30,
                    "48.5% from custody, 20.3% from the community, weighted 1 : 2 (Brown et al. 2022)"),
            new Prevalence(SettingKind.PROBATION_OFFICE, 0.56,
                    "London Probation's 2009 caseload, OASys mental-health indicators (case study p. 7)"),
            new Prevalence(SettingKind.PRISON, 0.72,
                    "sentenced prisoners with two or more mental disorders, ONS 1997 (case study p. 8)"));

    /** The documented prevalence for {@code kind}; empty for a community setting. */
    public static Optional<Prevalence> of(SettingKind kind) {
        return DEFAULTS.stream().filter(p -> p.kind() == kind).findFirst();
    }
}
