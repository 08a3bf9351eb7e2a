package bridgemap.store;

/**
 * Every Cypher statement the application runs, each a file under {@code cypher/} on the classpath.
 * {@link CypherQueries#load()} reads them all at start-up and fails if one is missing.
 */
public enum Query {
    PING("store/ping.cypher"),
    STATS("store/stats.cypher"),
    NODE_IDS("store/node-ids.cypher"),

    MERGE_BOROUGHS("import/merge-boroughs.cypher"),
    MERGE_AGENCIES("import/merge-agencies.cypher"),
    MERGE_NEEDS("import/merge-needs.cypher"),
    MERGE_FUNDERS("import/merge-funders.cypher"),
    MERGE_SETTINGS("import/merge-settings.cypher"),
    MERGE_SERVICES("import/merge-services.cypher"),
    MERGE_PRACTITIONERS("import/merge-practitioners.cypher"),
    MERGE_PLACEMENTS("import/merge-placements.cypher"),
    MERGE_FUNDING("import/merge-funding.cypher"),
    MERGE_PARTNERSHIPS("import/merge-partnerships.cypher"),
    MERGE_CASES("import/merge-cases.cypher"),
    MERGE_REFERRALS("import/merge-referrals.cypher"),
    DERIVE_OPERATES_IN("import/derive-operates-in.cypher"),

    STAGE_BOROUGHS("import/stage-boroughs.cypher"),
    STAGE_AGENCIES("import/stage-agencies.cypher"),
    STAGE_NEEDS("import/stage-needs.cypher"),
    STAGE_FUNDERS("import/stage-funders.cypher"),
    STAGE_SETTINGS("import/stage-settings.cypher"),
    STAGE_SERVICES("import/stage-services.cypher"),
    STAGE_PRACTITIONERS("import/stage-practitioners.cypher"),
    STAGE_PLACEMENTS("import/stage-placements.cypher"),
    STAGE_FUNDING("import/stage-funding.cypher"),
    STAGE_PARTNERSHIPS("import/stage-partnerships.cypher"),
    STAGE_CASES("import/stage-cases.cypher"),
    STAGE_REFERRALS("import/stage-referrals.cypher"),
    PUBLISH_STAGED("import/publish-staged.cypher"),
    DISCARD_STAGED("import/discard-staged.cypher"),
    CLAIM_IMPORT("import/claim-import.cypher"),
    IMPORT_IN_PROGRESS("import/import-in-progress.cypher"),
    HEARTBEAT_IMPORT("import/heartbeat-import.cypher"),
    RELEASE_IMPORT("import/release-import.cypher"),

    SNAPSHOT_LATEST_REFERRAL_DATE("snapshot/latest-referral-date.cypher"),
    SNAPSHOT_BOROUGHS("snapshot/boroughs.cypher"),
    SNAPSHOT_NEEDS("snapshot/needs.cypher"),
    SNAPSHOT_NODES("snapshot/nodes.cypher"),
    SNAPSHOT_SETTINGS("snapshot/settings.cypher"),
    SNAPSHOT_SERVICES("snapshot/services-active.cypher"),
    SNAPSHOT_PRACTITIONERS("snapshot/practitioners-active.cypher"),
    SNAPSHOT_PLACEMENTS("snapshot/placements-active.cypher"),
    SNAPSHOT_FUNDERS("snapshot/funders.cypher"),
    SNAPSHOT_FUNDING("snapshot/funding-active.cypher"),
    SNAPSHOT_PARTNERSHIPS("snapshot/partnerships-active.cypher"),
    SNAPSHOT_REFERRALS("snapshot/referrals-window.cypher"),
    SNAPSHOT_CASES("snapshot/cases-window.cypher"),
    HISTORY_PRACTITIONERS("snapshot/practitioners-all.cypher"),
    HISTORY_PLACEMENTS("snapshot/placements-all.cypher"),
    HISTORY_FUNDING("snapshot/funding-all.cypher"),
    HISTORY_EARLIEST_DATE("snapshot/earliest-date.cypher"),

    CASE_PATHWAY("api/case-pathway.cypher"),

    SCENARIO_SAVE("scenarios/save.cypher"),
    SCENARIO_LIST("scenarios/list.cypher"),
    SCENARIO_GET("scenarios/get.cypher"),
    SCENARIO_DELETE("scenarios/delete.cypher"),

    RESEARCH_PATHWAYS("research/pathways.cypher"),

    BACKUP_AGENCIES("backup/agencies.cypher"),
    BACKUP_SERVICES("backup/services.cypher"),
    BACKUP_PARTNERSHIPS("backup/partnerships.cypher"),
    BACKUP_CASES("backup/cases.cypher"),
    BACKUP_REFERRALS("backup/referrals.cypher");

    private final String path;

    Query(String path) {
        this.path = path;
    }

    /** The file's path under {@code cypher/}. */
    public String path() {
        return path;
    }
}
