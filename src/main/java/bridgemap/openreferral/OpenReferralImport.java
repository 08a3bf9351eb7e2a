package bridgemap.openreferral;

import bridgemap.ingest.ImportResult;

/** A committed Open Referral import: what was written, and how the directory was mapped. */
public record OpenReferralImport(ImportResult result, OpenReferralReport report) {}
