package dev.latchkey.ui.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.ui.notifications.NotificationsViewModel.Kind;
import dev.latchkey.ui.notifications.NotificationsViewModel.Notification;
import org.junit.jupiter.api.Test;

class NotificationsViewModelTest {

    @Test
    void progressIsReplacedInPlaceByItsResult() {
        NotificationsViewModel vm = new NotificationsViewModel();
        long first = vm.show(Kind.PROGRESS, "Buy WETH with 100 USDC", "signing");
        long second = vm.show(Kind.PROGRESS, "Buy WETH with 50 USDC", "signing");
        vm.update(first, Kind.SUCCESS, "Included: Buy WETH with 100 USDC", "tx 0xab");
        assertThat(vm.items()).extracting(Notification::id).containsExactly(second, first);
        assertThat(vm.items().get(1).kind()).isEqualTo(Kind.SUCCESS);
        assertThat(vm.items().get(1).text()).isEqualTo("tx 0xab");
    }

    @Test
    void atMostFiveAreKeptAndRunningWorkIsNeverDropped() {
        NotificationsViewModel vm = new NotificationsViewModel();
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
