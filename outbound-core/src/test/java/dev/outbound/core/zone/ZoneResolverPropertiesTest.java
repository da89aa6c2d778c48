package dev.outbound.core.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.outbound.core.InvalidValueException;
import dev.outbound.core.phone.LineType;
import dev.outbound.core.phone.PhoneNumber;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Properties of the resolution order, checked against a plain model of the spec built from the
 * inputs and the reference zone list, not from the resolver.
 */
class ZoneResolverPropertiesTest {

    private static final List<ZoneRule> ALL_RULES = List.of(
            ZoneRule.parse("state = FL -> America/New_York & America/Chicago"),
            ZoneRule.parse("state = TX -> US/Central"),
            ZoneRule.parse("county = Escambia -> America/Chicago"));

    private static final List<AreaCodeTable> TABLES = List.of(
            AreaCodeTable.empty(),
            AreaCodeTable.parse("1305,America/Denver\n1850872,America/New_York&America/Chicago\n44,Europe/Dublin\n"));

    private static final List<Optional<ZoneId>> DEFAULTS = List.of(
            Optional.empty(), Optional.of(ZoneId.of("Pacific/Honolulu")), Optional.of(ZoneId.of("America/Phoenix")));

    private static final List<Optional<String>> EXPLICIT = List.of(
            Optional.empty(), Optional.of(""), Optional.of("   "), Optional.of("America/New_York"),
            Optional.of("us/pacific"), Optional.of(" Asia/Calcutta "), Optional.of("Europe/Kyiv"),
            Optional.of("Mars/Olympus"), Optional.of("+05:30"), Optional.of("EST"));

    private static final List<String> STATES = List.of("", "FL", "fl", " TX ", "NV");
    private static final List<String> COUNTIES = List.of("", "Escambia", "DADE");
    private static final List<String> PREFIXES = List.of(
            "1305", "1212", "1208", "1907", "1850", "44", "47", "61", "7", "800", "979", "1");

    /** JDK 17 zone ids by lower case, from the reference list; the empty string stands for "absent" above. */
    private static final Map<String, String> ZONES_BY_LOWER_CASE = TestData.jdk17Zones().stream()
            .collect(Collectors.toMap(z -> z.toLowerCase(Locale.ROOT), z -> z));
    private static final Map<String, String> LINKS = TestData.backwardLinks();

    record Campaign(int ruleMask, AreaCodeTable table, boolean numberZones, Optional<ZoneId> defaultZone) {
        List<ZoneRule> rules() {
            List<ZoneRule> rules = new ArrayList<>();
            for (int i = 0; i < ALL_RULES.size(); i++) {
                if ((ruleMask & (1 << i)) != 0) {
                    rules.add(ALL_RULES.get(i));
                }
            }
            return rules;
        }

        ZoneResolver resolver() {
            ZoneResolver.Builder b = ZoneResolver.newBuilder().rules(rules()).areaCodes(table).numberZones(numberZones);
            defaultZone.ifPresent(b::defaultZone);
            return b.build();
        }
    }

    record Input(Optional<String> explicit, Map<String, String> fields, PhoneNumber number) {
    }

    private static Gen<Campaign> campaigns() {
        return Generate.range(0, 7).zip(Generate.pick(TABLES), Generate.booleans(), Generate.pick(DEFAULTS),
                Campaign::new);
    }

    private static Gen<Input> inputs() {
        Gen<PhoneNumber> numbers = Generate.pick(PREFIXES).zip(Generate.range(0, 9_999_999), (prefix, rest) -> {
            String e164 = "+" + prefix + String.format("%07d", rest);
            int cc = prefix.startsWith("1") ? 1 : prefix.startsWith("7") ? 7 : Integer.parseInt(prefix);
            return new PhoneNumber(e164, cc, "ZZ", LineType.UNKNOWN, "");
        });
        return Generate.pick(EXPLICIT).zip(Generate.pick(STATES), Generate.pick(COUNTIES), numbers,
                (explicit, state, county, number) -> {
                    Map<String, String> fields = new HashMap<>();
                    if (!state.isEmpty()) {
                        fields.put("state", state);
                    }
                    if (!county.isEmpty()) {
                        fields.put("county", county);
                    }
                    return new Input(explicit, Map.copyOf(fields), number);
                });
    }

    private static Optional<ZoneResolution> resolveOrInvalid(ZoneResolver resolver, Input in) {
        try {
            return Optional.of(resolver.resolve(in.explicit(), in.fields(), in.number()));
        } catch (InvalidValueException e) {
            assertThat(e.field()).isEqualTo("local_time_zone");
            return Optional.empty();
        }
    }

    @Test
    void resolve_sameInputs_giveEqualResults() {
        qt().forAll(campaigns(), inputs()).checkAssert((campaign, in) -> {
            Optional<ZoneResolution> first = resolveOrInvalid(campaign.resolver(), in);
            Optional<ZoneResolution> second = resolveOrInvalid(campaign.resolver(), in);
            assertThat(second).isEqualTo(first);
        });
    }

    @Test
    void resolve_result_isNeverEmpty() {
        qt().forAll(campaigns(), inputs()).checkAssert((campaign, in) ->
                resolveOrInvalid(campaign.resolver(), in).ifPresent(r -> {
                    if (r instanceof ZoneResolution.Resolved resolved) {
                        assertThat(resolved.zones()).isNotEmpty().doesNotHaveDuplicates();
                    } else {
                        assertThat(((ZoneResolution.Unresolved) r).tried()).hasSize(5);
                    }
                }));
    }

    @Test
    void resolve_filledUnknownExplicitZone_isAlwaysInvalid() {
        qt().forAll(campaigns(), inputs()).checkAssert((campaign, in) -> {
            boolean invalid = in.explicit().filter(s -> !s.isBlank())
                    .filter(s -> !ZONES_BY_LOWER_CASE.containsKey(s.trim().toLowerCase(Locale.ROOT))).isPresent();
            if (invalid) {
                assertThatThrownBy(() -> campaign.resolver().resolve(in.explicit(), in.fields(), in.number()))
                        .isInstanceOf(InvalidValueException.class);
            } else {
                assertThat(resolveOrInvalid(campaign.resolver(), in)).isPresent();
            }
        });
    }

    @Test
    void resolve_zones_comeFromTheStepTheProvenanceNames() {
        qt().forAll(campaigns(), inputs()).checkAssert((campaign, in) ->
                resolveOrInvalid(campaign.resolver(), in).ifPresent(r -> assertThat(r).isEqualTo(model(campaign, in))));
    }

    @Test
    void resolve_addingDefaultZone_neverChangesAnEarlierResult() {
        qt().forAll(campaigns(), inputs(), Generate.pick(DEFAULTS.subList(1, DEFAULTS.size())))
                .checkAssert((campaign, in, zone) -> {
                    Campaign without = new Campaign(campaign.ruleMask(), campaign.table(), campaign.numberZones(),
                            Optional.empty());
                    Campaign with = new Campaign(campaign.ruleMask(), campaign.table(), campaign.numberZones(),
                            zone);
                    Optional<ZoneResolution> before = resolveOrInvalid(without.resolver(), in);
                    Optional<ZoneResolution> after = resolveOrInvalid(with.resolver(), in);
                    assertThat(after.isPresent()).isEqualTo(before.isPresent());
                    before.ifPresent(b -> {
                        if (b.isResolved()) {
                            assertThat(after).contains(b);
                        } else {
                            assertThat(after.orElseThrow()).isEqualTo(
                                    ZoneResolution.Resolved.of(new ZoneProvenance.CampaignDefault(zone.orElseThrow())));
                        }
                    });
                });
    }

    /** The spec's order, written out plainly over the inputs. */
    private static ZoneResolution model(Campaign campaign, Input in) {
        if (in.explicit().isPresent() && !in.explicit().get().isBlank()) {
            String given = in.explicit().get();
            String id = ZONES_BY_LOWER_CASE.get(given.trim().toLowerCase(Locale.ROOT));
            String canonical = LINKS.getOrDefault(id, id);
            return ZoneResolution.Resolved.of(new ZoneProvenance.Explicit(
                    new ZoneName(given, id, canonical, ZoneId.of(canonical))));
        }
        for (ZoneRule rule : campaign.rules()) {
            String value = in.fields().get(rule.field());
            if (value != null && value.trim().equalsIgnoreCase(rule.value())) {
                return ZoneResolution.Resolved.of(new ZoneProvenance.FieldRule(rule));
            }
        }
        Optional<AreaCodeTable.Entry> own = longestPrefix(campaign.table().entries(), in.number());
        if (own.isPresent()) {
            return ZoneResolution.Resolved.of(new ZoneProvenance.AreaCode(own.get().prefix(), own.get().zones()));
        }
        if (campaign.numberZones()) {
            Optional<AreaCodeTable.Entry> data = longestPrefix(AreaCodeTable.libphonenumber().entries(), in.number());
            if (data.isPresent()) {
                return ZoneResolution.Resolved.of(new ZoneProvenance.NumberPrefix(data.get().prefix(), data.get().zones()));
            }
        }
        if (campaign.defaultZone().isPresent()) {
            return ZoneResolution.Resolved.of(new ZoneProvenance.CampaignDefault(campaign.defaultZone().get()));
        }
        return new ZoneResolution.Unresolved(
                campaign.resolver().resolve(in.explicit(), in.fields(), in.number()) instanceof ZoneResolution.Unresolved u
                        ? u.tried() : List.of("resolved although the model says unresolved"));
    }

    private static Optional<AreaCodeTable.Entry> longestPrefix(List<AreaCodeTable.Entry> entries, PhoneNumber number) {
        String digits = number.e164().substring(1);
        AreaCodeTable.Entry best = null;
        for (AreaCodeTable.Entry e : entries) {
            if (digits.startsWith(e.prefix()) && (best == null || e.prefix().length() > best.prefix().length())) {
                best = e;
            }
        }
        return Optional.ofNullable(best);
    }
}
