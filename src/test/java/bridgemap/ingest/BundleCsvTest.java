package bridgemap.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bridgemap.model.Borough;
import bridgemap.model.Bundle;
import bridgemap.model.Funding;
import bridgemap.model.Period;
import bridgemap.model.Practitioner;
import bridgemap.model.Service;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle writer: canonical files ({@link BundleCsv#files}) and files written row by row ({@link BundleCsv#open}),
 * which format every cell alike.
 */
class BundleCsvTest {

    static final LocalDate D = LocalDate.of(2024, 4, 1);
    static final Service CMHT = new Service("svc-b", "Community team, Camden", "trust", List.of("E2", "E1"),
            List.of("psychosis", "mood_anxiety"), List.of(), 40, 4.0, new Period(null, D));
    static final Service DRUGS = new Service("svc-a", "Drug \"and\" alcohol", "sms", List.of("E1"),
            List.of("substance_misuse"), List.of("psychosis"), null, 2.5, Period.ALWAYS);

    @TempDir
    Path dir;

    static Bundle bundleOf(List<Service> services, List<Practitioner> practitioners, List<Funding> funding) {
        return new Bundle(List.of(), List.of(), List.of(), List.of(), services, practitioners, List.of(), List.of(),
                funding, List.of(), List.of(), List.of());
    }

    String written(String file) throws IOException {
        return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
    }

    @Test
    void anEmptyFileIsItsHeader() throws IOException {
        try (BundleCsv.RowWriter<Borough> out = BundleCsv.open(dir, BundleFile.BOROUGHS, Borough.class)) {
            assertEquals(0, out.rows());
        }
        assertEquals("id,name,region\n", written("boroughs.csv"));
        assertArrayEquals(BundleCsv.files(bundleOf(List.of(), List.of(), List.of())).get(BundleFile.BOROUGHS),
                Files.readAllBytes(dir.resolve("boroughs.csv")));
    }

    @Test
    void oneRowIsWrittenAsTheCanonicalFileWritesIt() throws IOException {
        Practitioner p = new Practitioner("p-1", "FMHP", "nursing", "together", 1.0, new Period(D, null));
        Funding f = new Funding("nhs", "p-1", 42_000.0, new Period(D, D.plusDays(364)));
        Bundle one = bundleOf(List.of(DRUGS), List.of(p), List.of(f));
        try (BundleCsv.RowWriter<Service> out = BundleCsv.open(dir, BundleFile.SERVICES, Service.class)) {
            out.write(DRUGS);
            assertEquals(1, out.rows());
        }
        try (BundleCsv.RowWriter<Practitioner> out = BundleCsv.open(dir, BundleFile.PRACTITIONERS, Practitioner.class)) {
            out.write(p);
        }
        try (BundleCsv.RowWriter<Funding> out = BundleCsv.open(dir, BundleFile.FUNDING, Funding.class)) {
            out.write(f);
        }
        for (BundleFile file : List.of(BundleFile.SERVICES, BundleFile.PRACTITIONERS, BundleFile.FUNDING)) {
            assertArrayEquals(BundleCsv.files(one).get(file), Files.readAllBytes(dir.resolve(file.fileName())),
                    file.fileName());
        }
        assertEquals("id,name,agency,boroughs,accepts,excludes,capacity_per_month,wait_weeks,start,end,kind\n"
                + "svc-a,\"Drug \"\"and\"\" alcohol\",sms,E1,substance_misuse,psychosis,,2.5,,,\n", written("services.csv"));
        assertEquals("funder,practitioner,start,amount_gbp,end\nnhs,p-1,2024-04-01,42000,2025-03-31\n", written("funding.csv"));
    }

    @Test
    void rowsAndListsStayInTheOrderGivenWhereTheCanonicalFileSortsThem() throws IOException {
        try (BundleCsv.RowWriter<Service> out = BundleCsv.open(dir, BundleFile.SERVICES, Service.class)) {
            out.write(CMHT);
            out.write(DRUGS);
        }
        String header = "id,name,agency,boroughs,accepts,excludes,capacity_per_month,wait_weeks,start,end,kind\n";
        assertEquals(header
                + "svc-b,\"Community team, Camden\",trust,E2;E1,psychosis;mood_anxiety,,40,4,,2024-04-01,\n"
                + "svc-a,\"Drug \"\"and\"\" alcohol\",sms,E1,substance_misuse,psychosis,,2.5,,,\n", written("services.csv"));
        assertEquals(header
                + "svc-a,\"Drug \"\"and\"\" alcohol\",sms,E1,substance_misuse,psychosis,,2.5,,,\n"
                + "svc-b,\"Community team, Camden\",trust,E1;E2,mood_anxiety;psychosis,,40,4,,2024-04-01,\n",
                new String(BundleCsv.files(bundleOf(List.of(CMHT, DRUGS), List.of(), List.of())).get(BundleFile.SERVICES),
                        StandardCharsets.UTF_8));
    }

    @Test
    void theColumnsComeInTheOrderAsked() throws IOException {
        Practitioner p = new Practitioner("p-1", "FMHP", "nursing", "together", 0.8, new Period(D, null));
        try (BundleCsv.RowWriter<Practitioner> out = BundleCsv.open(dir, BundleFile.PRACTITIONERS, Practitioner.class,
                "id", "role", "discipline", "employer", "fte", "start", "end")) {
            out.write(p);
        }
        assertEquals("id,role,discipline,employer,fte,start,end\np-1,FMHP,nursing,together,0.8,2024-04-01,\n",
                written("practitioners.csv"));
    }

    @Test
    void anotherFilesRecordOrColumnsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> BundleCsv.open(dir, BundleFile.SERVICES, Practitioner.class));
        assertThrows(IllegalArgumentException.class,
                () -> BundleCsv.open(dir, BundleFile.BOROUGHS, Borough.class, "id", "name"));
        assertThrows(IllegalArgumentException.class,
                () -> BundleCsv.open(dir, BundleFile.BOROUGHS, Borough.class, "id", "name", "region", "extra"));
        assertThrows(IllegalArgumentException.class,
                () -> BundleCsv.open(dir, BundleFile.BOROUGHS, Borough.class, "id", "name", "name"));
    }
}
