package bridgemap.service;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What {@code bridgemap export} and {@code GET /api/export} write. */
public enum ExportFormat {
    /** The referral graph with its measures, as GraphML (Gephi, yEd, Cytoscape, NetworkX). */
    GRAPHML("graphml", "application/graphml+xml"),
    /** The referral graph with its measures, as GEXF 1.2 (Gephi). */
    GEXF("gexf", "application/gexf+xml"),
    /** Every analysis's CSV sections, one file each (a folder, or a .zip). */
    CSV("zip", "application/zip"),
    /** The services Bridgemap holds, as HSDS 3.0 (Open Referral): a tabular data package and its JSON (a folder, or a .zip). */
    OPENREFERRAL("zip", "application/zip"),
    /**
     * The whole store as a canonical bundle (a folder, or a .zip): a backup that {@code import} restores with
     * the same content fingerprint. It holds case-level data, so only admins may take it, and it is audited.
     */
    BUNDLE("zip", "application/zip");

    private final String extension;
    private final String contentType;

    ExportFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    /** The code used on the command line and in the API: {@code graphml}, {@code gexf}, {@code csv}, {@code openreferral}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The extension of the single file the API sends. */
    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /** True when the export is several files (written to a folder, or zipped into one). */
    public boolean isManyFiles() {
        return this == CSV || this == OPENREFERRAL || this == BUNDLE;
    }

    public static Optional<ExportFormat> parse(String code) {
        return Arrays.stream(values()).filter(f -> f.code().equals(code)).findFirst();
    }

    public static String codes() {
        return String.join(", ", Arrays.stream(values()).map(ExportFormat::code).toList());
    }
}
