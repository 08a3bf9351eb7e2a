package bridgemap.store;

/**
 * Every Cypher statement the application runs, each a file under {@code cypher/} on the classpath.
 * {@link CypherQueries#load()} reads them all at start-up and fails if one is missing.
 */
public enum Query {
    PING("store/ping.cypher"),
    STATS("store/stats.cypher"),
    NODE_IDS("store/node-ids.cypher"),
    NODE_COUNT("store/node-count.cypher"),
    AWAIT_INDEXES("store/await-indexes.cypher"),
    ORPHAN_CONSTRAINT_INDEXES("store/orphan-constraint-indexes.cypher"),
    DROP_INDEX("store/drop-index.cypher"),
    SET_NEO4J_PASSWORD("store/set-neo4j-password.cypher"),
    OTHER_USERS("store/other-users.cypher"),
    DROP_USER("store/drop-user.cypher"),

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
    MERGE_CATCHMENTS("import/merge-catchments.cypher"),
    MERGE_ACTIVITY("import/merge-activity.cypher"),
    MERGE_POPULATIONS("import/merge-populations.cypher"),
    MERGE_SUCCESSIONS("import/merge-successions.cypher"),
    DERIVE_OPERATES_IN("import/derive-operates-in.cypher"),

    CREATE_BOROUGHS("import/create-boroughs.cypher"),
    CREATE_AGENCIES("import/create-agencies.cypher"),
    CREATE_NEEDS("import/create-needs.cypher"),
    CREATE_FUNDERS("import/create-funders.cypher"),
    CREATE_SETTINGS("import/create-settings.cypher"),
    CREATE_SERVICES("import/create-services.cypher"),
    CREATE_PRACTITIONERS("import/create-practitioners.cypher"),
    CREATE_PLACEMENTS("import/create-placements.cypher"),
    CREATE_FUNDING("import/create-funding.cypher"),
    CREATE_PARTNERSHIPS("import/create-partnerships.cypher"),
    CREATE_CASES("import/create-cases.cypher"),
    CREATE_REFERRALS("import/create-referrals.cypher"),

    DIRECTORY_AGENCIES("directory/agencies-offering-services.cypher"),
    DIRECTORY_SERVICES("directory/services-all.cypher"),

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
    SNAPSHOT_CATCHMENTS("snapshot/catchments.cypher"),
    SNAPSHOT_ACTIVITY("snapshot/activity-window.cypher"),
    SNAPSHOT_POPULATIONS("snapshot/populations.cypher"),
    SNAPSHOT_SUCCESSIONS("snapshot/successions.cypher"),
    HISTORY_PRACTITIONERS("snapshot/practitioners-all.cypher"),
    HISTORY_PLACEMENTS("snapshot/placements-all.cypher"),
    HISTORY_FUNDING("snapshot/funding-all.cypher"),
    HISTORY_EARLIEST_DATE("snapshot/earliest-date.cypher"),

    CASE_PATHWAY("api/case-pathway.cypher"),

    SCENARIO_SAVE("scenarios/save.cypher"),
    SCENARIO_LIST("scenarios/list.cypher"),
    SCENARIO_GET("scenarios/get.cypher"),
    SCENARIO_DELETE("scenarios/delete.cypher"),


    BACKUP_AGENCIES("backup/agencies.cypher"),
    BACKUP_SERVICES("backup/services.cypher"),
    BACKUP_PARTNERSHIPS("backup/partnerships.cypher"),
    BACKUP_CASES("backup/cases.cypher"),
    BACKUP_REFERRALS("backup/referrals.cypher"),
    BACKUP_ACTIVITY("backup/activity.cypher");

    private final String path;

    Query(String path) {
        this.path = path;
    }

    /** The file's path under {@code cypher/}. */
    public String path() {
        return path;
    }
}
