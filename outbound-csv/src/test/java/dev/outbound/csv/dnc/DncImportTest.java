package dev.outbound.csv.dnc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.dnc.DncDecision;
import dev.outbound.core.dnc.DncEntry;
import dev.outbound.core.dnc.DncList;
import dev.outbound.core.dnc.DncRegistry;
import dev.outbound.core.phone.PhoneNumber;
import dev.outbound.csv.RowProblem;
import dev.outbound.csv.imports.ImportStatus;
import dev.outbound.csv.read.ReadOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small files whose counts and list contents are worked out by hand. */
class DncImportTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Path file(String... lines) throws IOException {
        Path f = dir.resolve("dnc.csv");
        Files.write(f, List.of(lines), StandardCharsets.UTF_8);
        return f;
    }

    private static DncImport.Builder importInto(DncList list) {
        return DncImport.newBuilder(list).clock(CLOCK).defaultRegion("US");
    }

    private static DncEntry.NumberKey number(String e164) {
        return new DncEntry.NumberKey(PhoneNumber.ofE164(e164));
    }

    private static List<String> codes(DncImportResult r) {
        return r.problems().stream().map(p -> p.row() + ":" + p.code()).toList();
    }

    @Test
    void skipRows_two_dropsTheFirstTwoDataRowsAndCountsThemAsSkipped() throws IOException {
        Path f = file("phone,reason",
                "(212) 555-0101,top", // 1 skipped
                "not a number,top", // 2 skipped: not reported as invalid
                "(212) 555-0103,", // 3 added
                "(212) 555-0104,"); // 4 added
        DncList list = DncList.newBuilder("national").build();

        DncImportResult r = importInto(list).skipRows(2).build().newJob(f).run();

        assertThat(r.status()).isEqualTo(ImportStatus.FINISHED);
        assertThat(r.skipped()).isEqualTo(2);
        assertThat(r.counts().total()).isEqualTo(2);
        assertThat(r.counts().invalid()).isZero();
        assertThat(list.size()).isEqualTo(2);
        assertThat(list.entry(number("+12125550101"))).isEmpty();
        assertThat(list.entry(number("+12125550103"))).isPresent();
        assertThat(r.toJson()).contains("\"skipped_rows\": 2");
    }

    @Test
    void mixedFile_everyRowInExactlyOneCount_andOnlyValidEntriesAreListed() throws IOException {
        Path f = file("phone,prefix,customer_key,reason,expires_at",
                "(212) 555-0147,,,asked,", // 1 added: a national number read in US
                "+44 20 7946 0000,,,,", // 2 added: international
                ",+1 415,,,", // 3 added: a prefix
                ",,C-7,,2027-01-01", // 4 added: a customer, until 2027-01-01T00:00Z
                "212.555.0147,,,,", // 5 duplicate of row 1
                "not a number,,,,", // 6 invalid: NUMBER_INVALID
                ",,,,", // 7 invalid: NO_KEY
                "(212) 555-0199,,,,2020-01-01", // 8 expired
                "(212) 555-0100,,,,31/12/2026"); // 9 invalid: EXPIRES_AT_INVALID
        DncList list = DncList.newBuilder("national").build();

        DncImportResult r = importInto(list).build().newJob(f).run();

        assertThat(r.status()).isEqualTo(ImportStatus.FINISHED);
        assertThat(r.counts()).isEqualTo(new DncImportCounts(9, 4, 0, 0, 1, 1, 3, 0, 4, 0));
        assertThat(codes(r)).containsExactly("5:DUPLICATE_IN_FILE", "6:NUMBER_INVALID", "7:NO_KEY", "8:EXPIRED",
                "9:EXPIRES_AT_INVALID");
        assertThat(r.problems()).allMatch(RowProblem::isError);
        assertThat(r.problems().get(1).line()).isEqualTo(7);
        assertThat(r.problems().get(1).column()).contains("phone");
        assertThat(list.size()).isEqualTo(4);
        assertThat(r.listSize()).isEqualTo(4);
        assertThat(list.entry(number("+12125550147")))
                .contains(DncEntry.number(PhoneNumber.ofE164("+12125550147")).withReason("asked"));
        assertThat(list.entry(number("+442079460000"))).contains(DncEntry.number(PhoneNumber.ofE164("+442079460000")));
        assertThat(list.entry(new DncEntry.PrefixKey("1415"))).contains(DncEntry.prefix("1415"));
        assertThat(list.entry(new DncEntry.CustomerKey("C-7")))
                .contains(DncEntry.customer("C-7").withExpiry(Instant.parse("2027-01-01T00:00:00Z")));
        assertThat(list.entry(number("+12125550199"))).isEmpty();
        assertThat(list.entry(number("+12125550100"))).isEmpty();
    }

    @Test
    void severalNumberColumns_eachRowCountedOnce_repeatsWarnedAndKeptOnce() throws IOException {
        Path f = file("home_phone,mobile",
                "2125550147,2125550148", // 1 added, two entries
                "2125550148,2125550149", // 2 added (0149); 0148 repeats row 1: warning
                "2125550147,bad", // 3 duplicate: its one readable key repeats row 1
                "2125550150,2125550150", // 4 added; the second cell repeats the first: warning
                "bad,worse"); // 5 invalid: no readable key
        DncList list = DncList.newBuilder("l").build();

        DncImportResult r = importInto(list).build().newJob(f).run();

        assertThat(r.counts()).isEqualTo(new DncImportCounts(5, 3, 0, 0, 1, 0, 1, 2, 4, 0));
        assertThat(codes(r)).containsExactly("2:DUPLICATE_IN_FILE", "3:DUPLICATE_IN_FILE", "4:DUPLICATE_IN_ROW",
                "5:NUMBER_INVALID", "5:NUMBER_INVALID");
        assertThat(r.problems().get(0).severity()).isEqualTo(RowProblem.Severity.WARNING);
        assertThat(r.problems().get(0).column()).contains("home_phone");
        assertThat(r.problems().get(1).severity()).isEqualTo(RowProblem.Severity.ERROR);
        assertThat(list.size()).isEqualTo(4);
        for (String e164 : List.of("+12125550147", "+12125550148", "+12125550149", "+12125550150")) {
            assertThat(list.entry(number(e164))).as(e164).isPresent();
        }
    }

    @Test
    void numberBesideAnUnreadableKey_isListedWithAWarning() throws IOException {
        Path f = file("phone,prefix", "2125550147,0201");
        DncList list = DncList.newBuilder("l").build();

        DncImportResult r = importInto(list).build().newJob(f).run();

        assertThat(r.counts()).isEqualTo(new DncImportCounts(1, 1, 0, 0, 0, 0, 0, 1, 1, 0));
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("PREFIX_INVALID");
            assertThat(p.severity()).isEqualTo(RowProblem.Severity.WARNING);
            assertThat(p.column()).contains("prefix");
        });
        assertThat(list.size()).isEqualTo(1);
    }

    @Test
    void entriesAlreadyListed_areUnchangedOrUpdated_andAddedWinsForARowWithANewOne() throws IOException {
        DncList list = DncList.newBuilder("l")
                .add(DncEntry.number(PhoneNumber.ofE164("+12125550147")).withReason("asked"))
                .add(DncEntry.prefix("1415"))
                .add(DncEntry.customer("C-1").withSource("crm"))
                .build();
        Path f = file("number,prefix,customer_reference_id,reason",
                "+12125550147,,,asked", // 1 unchanged: the same entry
                ",+1415,,", // 2 unchanged
                ",,C-1,moved", // 3 updated: no source now, and a reason
                "+12125550148,+1415,,"); // 4 added: one new number (the prefix repeats row 2)

        DncImportResult r = importInto(list).build().newJob(f).run();

        assertThat(r.counts()).isEqualTo(new DncImportCounts(4, 1, 1, 2, 0, 0, 0, 1, 4, 0));
        assertThat(list.size()).isEqualTo(4);
        assertThat(list.entry(new DncEntry.CustomerKey("C-1"))).contains(DncEntry.customer("C-1").withReason("moved"));
        assertThat(list.entry(number("+12125550147")).flatMap(DncEntry::reason)).contains("asked");
    }

    @Test
    void defaultSource_goesToRowsWithoutOne() throws IOException {
        Path f = file("phone,source", "2125550147,", "2125550148,agent request");
        DncList list = DncList.newBuilder("l").build();

        importInto(list).defaultSource("national registry").build().newJob(f).run();

        assertThat(list.entry(number("+12125550147")).flatMap(DncEntry::source)).contains("national registry");
        assertThat(list.entry(number("+12125550148")).flatMap(DncEntry::source)).contains("agent request");
    }

    @Test
    void replace_listHoldsExactlyTheFilesEntries_andCountsTheRemoved() throws IOException {
        DncList list = DncList.newBuilder("l")
                .add(DncEntry.number(PhoneNumber.ofE164("+12125550147"))) // A: not in the file
                .add(DncEntry.number(PhoneNumber.ofE164("+12125550148")).withReason("x")) // B: unchanged
                .add(DncEntry.number(PhoneNumber.ofE164("+12125550150"))) // D: expired in the file
                .add(DncEntry.prefix("1415")) // not in the file
                .build();
        Path f = file("phone,reason,expires_at",
                "2125550148,x,", // unchanged
                "2125550149,,", // added
                "2125550150,,2026-03-01T12:00:00Z", // expired: at the import's time
                "2125550149,,"); // duplicate

        DncImportResult r = importInto(list).replace(true).build().newJob(f).run();

        assertThat(r.status()).isEqualTo(ImportStatus.FINISHED);
        assertThat(r.replaced()).isTrue();
        // Removed: A, D and the prefix (four held, one of them kept).
        assertThat(r.counts()).isEqualTo(new DncImportCounts(4, 1, 0, 1, 1, 1, 0, 0, 2, 3));
        assertThat(list.size()).isEqualTo(2);
        assertThat(r.listSize()).isEqualTo(2);
        assertThat(list.entry(number("+12125550148"))).isPresent();
        assertThat(list.entry(number("+12125550149"))).isPresent();
        assertThat(list.entry(number("+12125550147"))).isEmpty();
        assertThat(list.entry(number("+12125550150"))).isEmpty();
        assertThat(list.entry(new DncEntry.PrefixKey("1415"))).isEmpty();
    }

    @Test
    void replace_withAnInvalidRow_leavesTheListAsItWas_andFails() throws IOException {
        DncList list = DncList.newBuilder("l").add(DncEntry.number(PhoneNumber.ofE164("+12125550147"))).build();
        Path f = file("phone", "2125550148", "junk");

        DncImportResult r = importInto(list).replace(true).build().newJob(f).run();

        assertThat(r.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(r.failure()).hasValueSatisfying(m -> assertThat(m).contains("replace not applied", "1 rows"));
        assertThat(r.replaced()).isFalse();
        assertThat(r.counts()).isEqualTo(new DncImportCounts(2, 1, 0, 0, 0, 0, 1, 0, 1, 0));
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.entry(number("+12125550147"))).isPresent();
        assertThat(list.entry(number("+12125550148"))).isEmpty();
    }

    @Test
    void replace_replaceMaxInvalid_toleratesThatManyInvalidRows() throws IOException {
        DncList list = DncList.newBuilder("l").add(DncEntry.number(PhoneNumber.ofE164("+12125550147"))).build();
        Path f = file("phone", "2125550148", "junk");

        DncImportResult r = importInto(list).replace(true).replaceMaxInvalid(1).build().newJob(f).run();

        assertThat(r.status()).isEqualTo(ImportStatus.FINISHED);
        assertThat(r.replaced()).isTrue();
        assertThat(r.counts().removed()).isEqualTo(1);
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.entry(number("+12125550148"))).isPresent();
    }

    @Test
    void append_keepsWhatTheListHeld() throws IOException {
        DncList list = DncList.newBuilder("l").add(DncEntry.prefix("1415")).build();
        Path f = file("phone", "2125550148", "junk");

        DncImportResult r = importInto(list).build().newJob(f).run();

        assertThat(r.status()).isEqualTo(ImportStatus.FINISHED);
        assertThat(r.replaced()).isFalse();
        assertThat(list.size()).isEqualTo(2);
        assertThat(list.entry(new DncEntry.PrefixKey("1415"))).isPresent();
    }

    @Test
    void allowList_isFilledTheSameWay_andThenAllowsOnlyItsNumbers() throws IOException {
        DncList allowed = DncList.newBuilder("white list").mode(DncList.Mode.ALLOW).build();
        Path f = file("telephone", "+1 212 555 0147", "+1 212 555 0148");

        DncImportResult r = importInto(allowed).build().newJob(f).run();
        DncRegistry registry = DncRegistry.newBuilder().campaign(allowed).build();

        assertThat(r.mode()).isEqualTo(DncList.Mode.ALLOW);
        assertThat(r.counts().added()).isEqualTo(2);
        assertThat(registry.check(PhoneNumber.ofE164("+12125550147"), "", NOW).mayDial()).isTrue();
        assertThat(registry.check(PhoneNumber.ofE164("+12125550199"), "", NOW))
                .isInstanceOf(DncDecision.NotAllowListed.class);
    }

    @Test
    void blockList_importedEntriesBlock_prefixAndCustomerToo() throws IOException {
        DncList blocked = DncList.newBuilder("campaign 42").build();
        Path f = file("phone,prefix,customer_reference_id", "2125550147,,", ",1530,", ",,C-9");

        importInto(blocked).build().newJob(f).run();
        DncRegistry registry = DncRegistry.newBuilder().campaign(blocked).build();

        assertThat(registry.check(PhoneNumber.ofE164("+12125550147"), "", NOW)).isInstanceOf(DncDecision.Listed.class);
        assertThat(registry.check(PhoneNumber.ofE164("+15305550100"), "", NOW)).isInstanceOf(DncDecision.Listed.class);
        assertThat(registry.check(PhoneNumber.ofE164("+12125550199"), "C-9", NOW))
                .isInstanceOf(DncDecision.Listed.class);
        assertThat(registry.check(PhoneNumber.ofE164("+12125550199"), "C-8", NOW).mayDial()).isTrue();
    }

    @Test
    void regionColumn_readsEachRowsNationalNumberInItsCountry() throws IOException {
        Path f = file("phone,country",
                "020 7946 0000,GB", // +442079460000
                "(212) 555-0147,", // default US
                "0412 345 678,au", // +61412345678, region in any case
                "(212) 555-0148,XX"); // invalid: REGION_INVALID
        DncList list = DncList.newBuilder("l").build();

        DncImportResult r = importInto(list).build().newJob(f).run();

        assertThat(r.counts()).isEqualTo(new DncImportCounts(4, 3, 0, 0, 0, 0, 1, 0, 3, 0));
        assertThat(codes(r)).containsExactly("4:REGION_INVALID");
        assertThat(list.entry(number("+442079460000"))).isPresent();
        assertThat(list.entry(number("+12125550147"))).isPresent();
        assertThat(list.entry(number("+61412345678"))).isPresent();
    }

    @Test
    void noDefaultRegion_nationalNumbersAreInvalid_internationalOnesListed() throws IOException {
        Path f = file("phone", "(212) 555-0147", "+1 212 555 0148");
        DncList list = DncList.newBuilder("l").build();

        DncImportResult r = DncImport.newBuilder(list).clock(CLOCK).build().newJob(f).run();

        assertThat(r.counts()).isEqualTo(new DncImportCounts(2, 1, 0, 0, 0, 0, 1, 0, 1, 0));
        assertThat(list.entry(number("+12125550148"))).isPresent();
    }

    @Test
    void expiresAt_acceptedForms_toTheSecond_andAnExpiryAtTheImportsTimeHasPassed() throws IOException {
        Path f = file("phone,expires_at",
                "2125550141,2027-01-01", // the start of that day in the zone (New York: 05:00Z)
                "2125550142,2027-01-01T10:00:00-05:00", // 15:00Z
                "2125550143,2027-01-01T10:00", // local, in New York: 15:00Z
                "2125550144,2027-01-01T10:00:00.900Z", // cut to the second
                "2125550145,2026-03-01T12:00:00Z", // expired: not after the import's time
                "2125550146,2026-03-01T12:00:01Z"); // listed: one second after
        DncList list = DncList.newBuilder("l").build();

        DncImportResult r = importInto(list).zone(ZoneId.of("America/New_York")).build().newJob(f).run();

        assertThat(r.counts()).isEqualTo(new DncImportCounts(6, 5, 0, 0, 0, 1, 0, 0, 5, 0));
        assertThat(codes(r)).containsExactly("5:EXPIRED");
        assertThat(expiry(list, "+12125550141")).contains(Instant.parse("2027-01-01T05:00:00Z"));
        assertThat(expiry(list, "+12125550142")).contains(Instant.parse("2027-01-01T15:00:00Z"));
        assertThat(expiry(list, "+12125550143")).contains(Instant.parse("2027-01-01T15:00:00Z"));
        assertThat(expiry(list, "+12125550144")).contains(Instant.parse("2027-01-01T10:00:00Z"));
        assertThat(expiry(list, "+12125550146")).contains(Instant.parse("2026-03-01T12:00:01Z"));
        assertThat(list.entry(number("+12125550145"))).isEmpty();
    }

    private static Optional<Instant> expiry(DncList list, String e164) {
        return list.entry(number(e164)).flatMap(DncEntry::expiresAt);
    }

    @Test
    void expiredRow_takesNoKey_soALaterRowWithItIsListed() throws IOException {
        Path f = file("phone,expires_at", "2125550147,2020-01-01", "2125550147,");
        DncList list = DncList.newBuilder("l").build();

        DncImportResult r = importInto(list).build().newJob(f).run();

        assertThat(r.counts()).isEqualTo(new DncImportCounts(2, 1, 0, 0, 0, 1, 0, 0, 1, 0));
        assertThat(list.entry(number("+12125550147")).flatMap(DncEntry::expiresAt)).isEmpty();
    }

    @Test
    void malformedRow_isInvalidWhole() throws IOException {
        Path f = dir.resolve("dnc.csv");
        Files.writeString(f, "phone\n2125550147\n\"2125550148", StandardCharsets.UTF_8);
        DncList list = DncList.newBuilder("l").build();

        DncImportResult r = importInto(list).build().newJob(f).run();

        assertThat(codes(r)).containsExactly("2:ROW_MALFORMED");
        assertThat(list.size()).isEqualTo(1);
    }

    @Test
    void extraCells_areAWarning() throws IOException {
        Path f = file("phone", "2125550147,surplus");
        DncList list = DncList.newBuilder("l").build();

        DncImportResult r = importInto(list).build().newJob(f).run();

        assertThat(r.counts().warnings()).isEqualTo(1);
        assertThat(codes(r)).containsExactly("1:EXTRA_CELLS");
    }

    @Test
    void givenSeparator_andSemicolonDetected_readTheSameEntries() throws IOException {
        Path f = file("phone;reason", "(212) 555-0147;asked, twice");
        DncList detected = DncList.newBuilder("a").build();
        DncList given = DncList.newBuilder("b").build();

        DncImportResult r1 = importInto(detected).build().newJob(f).run();
        DncImportResult r2 = importInto(given).readOptions(ReadOptions.detect().withSeparator(';')).build()
                .newJob(f).run();

        assertThat(r1.detected().map(d -> d.separator())).contains(';');
        assertThat(r2.detected().map(d -> d.separatorHow())).contains("given");
        assertThat(detected.entry(number("+12125550147")).flatMap(DncEntry::reason)).contains("asked, twice");
        assertThat(given.entry(number("+12125550147")).flatMap(DncEntry::reason)).contains("asked, twice");
    }

    @Test
    void cancelBeforeRun_readsNothing_andWritesNothing() throws IOException {
        Path f = file("phone", "2125550147");
        DncList list = DncList.newBuilder("l").build();
        DncImportJob job = importInto(list).resultDirectory(dir.resolve("report")).build().newJob(f);

        assertThat(job.cancel()).isTrue();
        DncImportResult r = job.run();

        assertThat(r.status()).isEqualTo(ImportStatus.CANCELLED);
        assertThat(r.counts()).isEqualTo(DncImportCounts.ZERO);
        assertThat(list.size()).isZero();
        assertThat(dir.resolve("report")).doesNotExist();
        assertThat(job.status()).isEqualTo(ImportStatus.CANCELLED);
    }

    @Test
    void job_runsOnce_andReportsProgress() throws IOException {
        Path f = file("phone", "2125550147", "2125550148");
        DncImportJob job = importInto(DncList.newBuilder("l").build()).build().newJob(f);

        assertThat(job.status()).isEqualTo(ImportStatus.PENDING);
        job.run();

        assertThat(job.status()).isEqualTo(ImportStatus.FINISHED);
        assertThat(job.progress().rows()).isEqualTo(2);
        assertThat(job.progress().percent()).hasValue(100);
        assertThat(job.cancel()).isFalse();
        assertThatThrownBy(job::run).isInstanceOf(IllegalStateException.class).hasMessageContaining("already run");
    }

    @Test
    void missingFile_fails_withTheReason() {
        DncImportResult r = importInto(DncList.newBuilder("l").build()).build().newJob(dir.resolve("none.csv")).run();

        assertThat(r.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(r.failure()).hasValueSatisfying(m -> assertThat(m).startsWith("cannot read"));
    }

    @Test
    void headerWithoutKeyColumn_fails_namingTheHeader() throws IOException {
        Path f = file("name,email", "Ann,ann@example.com");

        DncImportResult r = importInto(DncList.newBuilder("l").build()).build().newJob(f).run();

        assertThat(r.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(r.failure()).hasValueSatisfying(m -> assertThat(m).contains("no column", "[name, email]"));
        assertThat(r.counts()).isEqualTo(DncImportCounts.ZERO);
    }

    @Test
    void emptyFile_fails_noHeader() throws IOException {
        Path f = file("");

        DncImportResult r = importInto(DncList.newBuilder("l").build()).build().newJob(f).run();

        assertThat(r.failure()).hasValueSatisfying(m -> assertThat(m).contains("no header row"));
    }

    @Test
    void columnsGivenByHand_winOverMatching_andEachColumnHasANote() throws IOException {
        Path f = file("Name,Tel,Grund,phone", "Ann,2125550147,asked,2125550148");
        DncList list = DncList.newBuilder("l").build();

        DncImportResult r = importInto(list).column("Tel", DncColumn.NUMBER).column("Grund", DncColumn.REASON)
                .column("phone", DncColumn.IGNORED).build().newJob(f).run();

        assertThat(r.columns()).containsExactly("column 1 'Name' ignored (not a Do-Not-Call column)",
                "column 2 'Tel' -> number (given)", "column 3 'Grund' -> reason (given)",
                "column 4 'phone' -> ignored (given)");
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.entry(number("+12125550147")).flatMap(DncEntry::reason)).contains("asked");
    }

    @Test
    void columnGivenByHand_missingFromTheHeader_fails() throws IOException {
        Path f = file("phone", "2125550147");

        DncImportResult r = importInto(DncList.newBuilder("l").build()).column("Telefon", DncColumn.NUMBER).build()
                .newJob(f).run();

        assertThat(r.failure()).hasValueSatisfying(m -> assertThat(m).contains("'Telefon' (given as number)",
                "[phone]"));
    }

    @Test
    void builder_optionTwice_twoColumnsForOneRole_replaceMaxInvalidAlone_areRefused() {
        DncList list = DncList.newBuilder("l").build();

        assertThatThrownBy(() -> DncImport.newBuilder(list).replace(true).replace(false).build())
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("replace");
        assertThatThrownBy(() -> DncImport.newBuilder(list).column("a", DncColumn.REASON)
                .column("b", DncColumn.REASON).build())
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("'a' and 'b'");
        assertThatThrownBy(() -> DncImport.newBuilder(list).replaceMaxInvalid(3).build())
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("replaceMaxInvalid");
        assertThatThrownBy(() -> DncImport.newBuilder(list).defaultRegion("XX"))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("defaultRegion");
    }

    @Test
    void headerWithAnUnterminatedQuote_failsAndListsNothing() throws IOException {
        Path f = file("phone,\"reason", "2125550147,asked", "2125550148,asked");
        DncList list = DncList.newBuilder("l").build();

        DncImportResult r = importInto(list).build().newJob(f).run();

        assertThat(r.status()).isEqualTo(dev.outbound.csv.imports.ImportStatus.FAILED);
        assertThat(r.failure()).hasValueSatisfying(m -> assertThat(m)
                .contains("the header row (line 1) is not valid CSV").contains("nothing was listed"));
        assertThat(list.size()).isZero();
    }
}
