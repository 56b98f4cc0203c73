package dev.latchkey.ui.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.ui.common.FxExecutor;
import dev.latchkey.ui.notifications.NotificationsViewModel.Kind;
import dev.latchkey.ui.status.ManualTicker;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import dev.latchkey.ui.notifications.NotificationsViewModel.Notification;
import org.junit.jupiter.api.Test;

class NotificationsViewModelTest {

    private final ManualTicker ticker = new ManualTicker();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-24T08:00:00Z"));

    private NotificationsViewModel vm() {
        return new NotificationsViewModel(ticker, now::get, FxExecutor.direct());
    }

    @Test
    void successesGoAwayAfterAWhileErrorsAndProgressStay() {
        NotificationsViewModel vm = vm();
        long trade = vm.show(Kind.PROGRESS, "Buy WETH with 100 USDC", "");
        long refused = vm.show(Kind.ERROR, "Refused: Buy WETH with 600 USDC", "limit");
        now.set(now.get().plusSeconds(5));
        vm.update(trade, Kind.SUCCESS, "Included: Buy WETH with 100 USDC", "");
        now.set(now.get().plusSeconds(7));
        ticker.tick();
        assertThat(vm.items()).as("the result lingers from when it arrived").extracting(Notification::id).contains(trade, refused);
        now.set(now.get().plusSeconds(2));
        ticker.tick();
        assertThat(vm.items()).extracting(Notification::id).containsExactly(refused);
        assertThat(ticker.intervals()).containsExactly(java.time.Duration.ofSeconds(1));
    }

    @Test
    void progressIsReplacedInPlaceByItsResult() {
        NotificationsViewModel vm = vm();
        long first = vm.show(Kind.PROGRESS, "Buy WETH with 100 USDC", "signing");
        long second = vm.show(Kind.PROGRESS, "Buy WETH with 50 USDC", "signing");
        vm.update(first, Kind.SUCCESS, "Included: Buy WETH with 100 USDC", "tx 0xab");
        assertThat(vm.items()).extracting(Notification::id).containsExactly(second, first);
        assertThat(vm.items().get(1).kind()).isEqualTo(Kind.SUCCESS);
        assertThat(vm.items().get(1).text()).isEqualTo("tx 0xab");
    }

    @Test
    void atMostFiveAreKeptAndRunningWorkIsNeverDropped() {
        NotificationsViewModel vm = vm();
        long running = vm.show(Kind.PROGRESS, "long trade", "");
        long done = vm.show(Kind.SUCCESS, "old result", "");
        for (int i = 0; i < 4; i++) {
            vm.show(Kind.INFO, "note " + i, "");
        }
        assertThat(vm.items()).hasSize(NotificationsViewModel.MAX);
        assertThat(vm.items()).extracting(Notification::id).contains(running).doesNotContain(done);
        vm.dismiss(running);
        assertThat(vm.items()).extracting(Notification::id).doesNotContain(running);
    }
}
