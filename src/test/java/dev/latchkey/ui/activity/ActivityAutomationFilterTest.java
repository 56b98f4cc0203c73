package dev.latchkey.ui.activity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.keystore.AutomationEvaluation;
import dev.latchkey.keystore.Automations;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.signer.SignerLines;
import dev.latchkey.ui.TestWalletSessions;
import dev.latchkey.ui.common.FxExecutor;
import dev.latchkey.ui.common.ChangeFeed;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Automations filter over a real keystore: the rule's events and the trade it fired; Wallet events keeps the rest. */
class ActivityAutomationFilterTest {

    @TempDir Path dir;

    @Test
    void automationsFilterShowsTheRulesEventsAndItsTradeAndWalletEventsLeavesThemOut() throws Exception {
        byte[] rule = ActivityRowsTest.fill(16, 1);
        byte[] fired = ActivityRowsTest.fill(16, 10);
        try (SignerLines signer = SignerLines.open(dir)) {
            Keystore ks = signer.keystore();
            byte[] pid = signer.permissionId();
            String session = "0x" + HexFormat.of().formatHex(pid);
            Automations a = ks.automations();
            a.add(rule, pid, "LIMIT_ORDER", "Buy the dip", "{}".getBytes(StandardCharsets.UTF_8));
            a.record(List.of(new AutomationEvaluation.New(rule, 4, 900, AutomationEvaluation.Result.SKIPPED, "price above the limit")));
            a.fire(new Automations.Fire(rule, 0, 0, fired, 5, 1000, new byte[] {1}, "price at the limit"));
            signer.refused(fired); // the real signer's refusal of the fired intent ...
            signer.refused(HexFormat.of().parseHex("ffeeddccbbaa99887766554433221100")); // ... and of a manual trade
            ActivityPort port = new ActivityPort() {
                @Override
                public Snapshot load(int limit) throws Exception {
                    return new Snapshot(ks.activity().recent(limit), Map.of(), Map.of(), Map.of(session, "uniswap-swap"), null,
                            AutomationRef.of(ks.automations().all()));
                }

                @Override
                public Receipt receipt(String transactionHash, String userOpHash) {
                    throw new UnsupportedOperationException("nothing was sent");
                }
            };
            ActivityViewModel vm = new ActivityViewModel(port, TestWalletSessions.synchronous(), TestWalletSessions.synchronous(),
                    ChangeFeed.NONE, FxExecutor.direct(), ZoneOffset.UTC);
            vm.activate();
            assertThat(vm.errorProperty().get()).isEmpty();
            assertThat(vm.summaryProperty().get()).as("the fired trade is one operation, its events are counted apart")
                    .startsWith("2 operations: 0 included, 0 pending, 2 refused, 0 failed").endsWith("  ·  3 automation events");

            vm.filterProperty().set(ActivityViewModel.Filter.AUTOMATIONS);
            assertThat(vm.rows()).extracting(ActivityRow::what).containsExactlyInAnyOrder(
                    "Automation 'Buy the dip' created (limit order)", "Automation 'Buy the dip' skipped",
                    "Automation 'Buy the dip' fired (trigger 0)", "Operation (automation 'Buy the dip')");
            vm.filterProperty().set(ActivityViewModel.Filter.EVENTS);
            assertThat(vm.rows()).isNotEmpty().noneMatch(ActivityRow::isAutomation);
            vm.filterProperty().set(ActivityViewModel.Filter.REFUSED);
            assertThat(vm.rows()).hasSize(2);

            vm.filterProperty().set(ActivityViewModel.Filter.AUTOMATIONS);
            ActivityRow skipped = vm.rows().stream().filter(r -> r.what().endsWith("skipped")).findFirst().orElseThrow();
            vm.selectedProperty().set(skipped);
            assertThat(vm.detailsProperty().get()).contains("Status: event — price above the limit", "Automation: Buy the dip",
                    "Session: uniswap-swap " + session);
        }
    }
}
