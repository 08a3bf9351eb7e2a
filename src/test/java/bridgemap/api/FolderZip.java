package bridgemap.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A folder's files zipped as an upload: a bundle or an Open Referral package, to post to {@code /api/imports}. */
final class FolderZip {

    private FolderZip() {}

    /** The files of {@code folder} (not its subfolders), in name order. */
    static byte[] of(Path folder) throws IOException {
        return of(folder, "");
    }

    /** As {@link #of(Path)}, each entry's name after {@code prefix} (such as "london/", a folder inside the zip). */
    static byte[] of(Path folder, String prefix) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                zip.putNextEntry(new ZipEntry(prefix + file.getFileName()));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
