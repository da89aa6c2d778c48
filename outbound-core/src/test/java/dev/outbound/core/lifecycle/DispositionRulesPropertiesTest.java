package dev.outbound.core.lifecycle;

import static dev.outbound.core.lifecycle.OutcomeFixtures.PRIMARY;
import static dev.outbound.core.lifecycle.OutcomeFixtures.call;
import static dev.outbound.core.lifecycle.OutcomeFixtures.hours;
import static dev.outbound.core.lifecycle.OutcomeFixtures.onePhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.outbound.core.field.FieldValue;
import dev.outbound.core.record.AgentEmail;
import dev.outbound.core.record.CallResult;
import dev.outbound.core.record.Record;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

class DispositionRulesPropertiesTest {
    private static final List<String> NAMES = List.of("email", "amount", "plan", "reason", "notes", "contact");
    private static final AgentEmail ANN = AgentEmail.of("ann@example.com");

    /** Bit masks over the six names: which fields the code requires, which the record has, which the form fills. */
    private static final Gen<Integer> MASK = SourceDSL.integers().between(0, 63);

    private static List<String> pick(int mask) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < NAMES.size(); i++) {
            if ((mask & (1 << i)) != 0) {
                out.add(NAMES.get(i));
            }
        }
        return out;
    }

    @Test
    void refusal_namesExactlyTheRequiredFieldsFilledNeitherOnTheRecordNorOnTheForm() {
        qt().withExamples(500).forAll(MASK, MASK, MASK, SourceDSL.booleans().all()).checkAssert(
                (required, onRecord, onForm, completes) -> {
                    WrapCode code = new WrapCode("Code", completes,
                            completes ? WrapCode.NextCall.FORBIDDEN : WrapCode.NextCall.OPTIONAL, pick(required));
                    Lifecycle lc = Lifecycle.of(DialingRules.newBuilder()
                            .dispositions(DispositionRules.newBuilder().code(code).build()).build());
                    Record r = lc.apply(onePhone(), call(PRIMARY, CallResult.HUMAN_ANSWER, hours(0))).record();
                    for (String f : pick(onRecord)) {
                        r = r.withFields(r.fields().with(f, FieldValue.text("on record")));
                    }
                    Disposition d = Disposition.of(hours(1), ANN).withWrapCode("Code");
                    for (String f : pick(onForm)) {
                        d = d.withField(f.toUpperCase(java.util.Locale.ROOT), FieldValue.text("on form"));
                    }
                    int missing = required & ~onRecord & ~onForm;
                    Record rr = r;
                    Disposition dd = d;
                    if (missing == 0) {
                        Record after = lc.dispose(rr, dd);
                        assertThat(after.progress().wrapCode()).contains("Code");
                        for (String f : pick(onForm)) {
                            assertThat(after.fields().text(f)).contains("on form");
                        }
                    } else {
                        assertThatThrownBy(() -> lc.dispose(rr, dd)).isInstanceOfSatisfying(
                                DispositionRefusedException.class,
                                e -> assertThat(e.missingFields()).containsExactlyElementsOf(pick(missing)));
                    }
                });
    }
}
