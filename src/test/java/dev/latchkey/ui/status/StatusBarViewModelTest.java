package dev.latchkey.ui.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.ui.common.FxExecutor;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The status bar without the toolkit: background work runs when the test says so, the "FX thread" is the caller. */
class StatusBarViewModelTest {

    /** A node and bundler whose answers the test sets; counts the questions. */
    static final class ScriptedChain implements ChainStatusSource {
        volatile long block = 19_283_112;
        volatile RuntimeException nodeDown;
        volatile BundlerHealth bundler = new BundlerHealth.Healthy(List.of("0x0000000071727De22E5E9d8BAf0edAc6f37da032"));
        int blockCalls;

        @Override
        public String networkName() {
            return "Local devnet";
        }

        @Override
        public long latestBlock() {
            blockCalls++;
            if (nodeDown != null) {
                throw nodeDown;
            }
            return block;
        }

        @Override
        public BundlerHealth bundlerHealth() {
            return bundler;
        }
    }

    /** Background work queued until {@link #runAll()}: a poll stays "out" as long as the test wants. */
    static final class QueuedExecutor implements Executor {
        final Queue<Runnable> queue = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            queue.add(task);
        }

        void runAll() {
            while (!queue.isEmpty()) {
                queue.poll().run();
            }
        }
    }

    private final ScriptedChain chain = new ScriptedChain();
    private final FakeSignerControl signer = new FakeSignerControl(SignerMode.RUNNING);
    private final QueuedExecutor background = new QueuedExecutor();
    private final ManualTicker ticker = new ManualTicker();
    private final StatusBarViewModel vm = new StatusBarViewModel(chain, signer, background, FxExecutor.direct(), ticker,
            Duration.ofSeconds(4));

    @Test
    void showsNetworkBlockAndBundlerAfterThePoll() {
        vm.activate();
        assertThat(vm.networkProperty().get()).isEqualTo("Local devnet");
        assertThat(vm.blockProperty().get()).isEqualTo("Block …");
        assertThat(vm.blockIndicatorProperty().get()).isEqualTo(Indicator.PENDING);
        assertThat(vm.pollingProperty().get()).isTrue();
        assertThat(ticker.intervals()).containsExactly(Duration.ofSeconds(4));

        background.runAll();
        assertThat(vm.pollingProperty().get()).isFalse();
        assertThat(vm.blockProperty().get()).isEqualTo("Block 19,283,112");
        assertThat(vm.blockIndicatorProperty().get()).isEqualTo(Indicator.GOOD);
        assertThat(vm.bundlerProperty().get()).isEqualTo("Bundler OK");
        assertThat(vm.bundlerDetailProperty().get()).contains("0x0000000071727De22E5E9d8BAf0edAc6f37da032");
        assertThat(vm.bundlerIndicatorProperty().get()).isEqualTo(Indicator.GOOD);

        chain.block = 19_283_113;
        ticker.tick();
        background.runAll();
        assertThat(vm.blockProperty().get()).isEqualTo("Block 19,283,113");
    }

    @Test
    void aSlowNodeIsNotAskedAgainWhileItsAnswerIsOut() {
        vm.activate();
        ticker.tick();
        ticker.tick();
        assertThat(background.queue).hasSize(1);
        background.runAll();
        assertThat(chain.blockCalls).isEqualTo(1);

        ticker.tick();
        background.runAll();
        assertThat(chain.blockCalls).isEqualTo(2);
    }

    @Test
    void nodeDownShowsTheReasonAndKeepsTheLastBlockAsStale() {
        chain.nodeDown = new IllegalStateException("cannot reach http://127.0.0.1:8545 for eth_blockNumber: Connection refused");
        vm.activate();
        background.runAll();
        assertThat(vm.blockProperty().get()).isEqualTo("Node unreachable");
        assertThat(vm.blockDetailProperty().get()).contains("Connection refused");
        assertThat(vm.blockIndicatorProperty().get()).isEqualTo(Indicator.BAD);

        chain.nodeDown = null;
        ticker.tick();
        background.runAll();
        assertThat(vm.blockProperty().get()).isEqualTo("Block 19,283,112");

        chain.nodeDown = new IllegalStateException("timed out");
        ticker.tick();
        background.runAll();
        assertThat(vm.blockProperty().get()).isEqualTo("Block 19,283,112 (stale)");
        assertThat(vm.blockDetailProperty().get()).isEqualTo("The node stopped answering: timed out");
        assertThat(vm.blockIndicatorProperty().get()).isEqualTo(Indicator.WARNING);
    }

    @Test
    void everyBundlerAnswerHasItsOwnText() {
        vm.activate();
        chain.bundler = new BundlerHealth.WrongEntryPoint(List.of("0x5FF137D4b0FDCD49DcA30c7CF57E578a026d2789"));
        background.runAll();
        assertThat(vm.bundlerProperty().get()).isEqualTo("Bundler: wrong EntryPoint");
        assertThat(vm.bundlerDetailProperty().get()).contains("0x5FF137D4b0FDCD49DcA30c7CF57E578a026d2789", "v0.7");
        assertThat(vm.bundlerIndicatorProperty().get()).isEqualTo(Indicator.BAD);

        chain.bundler = new BundlerHealth.Unreachable("cannot reach http://127.0.0.1:4337: Connection refused");
        ticker.tick();
        background.runAll();
        assertThat(vm.bundlerProperty().get()).isEqualTo("Bundler down");
        assertThat(vm.bundlerDetailProperty().get()).contains("Connection refused");

        chain.bundler = new BundlerHealth.NotConfigured();
        ticker.tick();
        background.runAll();
        assertThat(vm.bundlerProperty().get()).isEqualTo("Direct submission");
        assertThat(vm.bundlerIndicatorProperty().get()).isEqualTo(Indicator.NEUTRAL);
    }

    @Test
    void withoutANetworkNothingIsPolled() {
        StatusBarViewModel none = new StatusBarViewModel(ChainStatusSource.NONE, signer, background, FxExecutor.direct(),
                ticker, Duration.ofSeconds(4));
        none.activate();
        none.refresh();
        assertThat(background.queue).isEmpty();
        assertThat(ticker.active()).isZero();
        assertThat(none.networkProperty().get()).isEqualTo("No network");
        assertThat(none.blockProperty().get()).isEqualTo("Block —");
        assertThat(none.bundlerProperty().get()).isEqualTo("Direct submission");
    }

    @Test
    void pauseSwitchPausesAndResumesTheSigner() {
        vm.activate();
        assertThat(vm.signerProperty().get()).isEqualTo("Signer running");
        assertThat(vm.pauseAvailableProperty().get()).isTrue();
        background.runAll();

        vm.pausedProperty().set(true);
        assertThat(vm.pauseAvailableProperty().get()).as("disabled while switching").isFalse();
        assertThat(vm.signerDetailProperty().get()).isEqualTo("Pausing…");
        background.runAll();
        assertThat(signer.pauses).isEqualTo(1);
        assertThat(vm.signerModeProperty().get()).isEqualTo(SignerMode.PAUSED);
        assertThat(vm.signerProperty().get()).isEqualTo("Signer paused");
        assertThat(vm.signerIndicatorProperty().get()).isEqualTo(Indicator.WARNING);
        assertThat(vm.pausedProperty().get()).isTrue();
        assertThat(vm.pauseAvailableProperty().get()).isTrue();

        vm.pausedProperty().set(false);
        background.runAll();
        assertThat(signer.resumes).isEqualTo(1);
        assertThat(vm.signerProperty().get()).isEqualTo("Signer running");
        assertThat(vm.pausedProperty().get()).isFalse();
    }

    @Test
    void aFailedPauseSaysWhyAndTheSwitchFollowsTheRealMode() {
        vm.activate();
        signer.failWith = "journal busy";
        vm.pausedProperty().set(true);
        background.runAll();
        assertThat(vm.signerModeProperty().get()).isEqualTo(SignerMode.RUNNING);
        assertThat(vm.pausedProperty().get()).isFalse();
        assertThat(vm.signerDetailProperty().get()).isEqualTo("Could not pause the signer: journal busy");
        assertThat(vm.pauseAvailableProperty().get()).isTrue();
    }

    @Test
    void lockedOrOffSignerCannotBePausedAndFollowsItsListener() {
        vm.activate();
        signer.become(SignerMode.LOCKED);
        assertThat(vm.signerProperty().get()).isEqualTo("Signer locked");
        assertThat(vm.pauseAvailableProperty().get()).isFalse();

        vm.pausedProperty().set(true); // the view disables the switch; the view model refuses anyway
        background.runAll();
        assertThat(signer.pauses).isZero();
        assertThat(vm.pausedProperty().get()).isFalse();

        signer.become(SignerMode.OFF);
        assertThat(vm.signerProperty().get()).isEqualTo("Signer off");
        assertThat(vm.pauseAvailableProperty().get()).isFalse();
        signer.become(SignerMode.PAUSED);
        assertThat(vm.pausedProperty().get()).isTrue();
        assertThat(vm.pauseAvailableProperty().get()).isTrue();
    }

    @Test
    void deactivateStopsPollingAndListeningAndIgnoresALateAnswer() {
        vm.activate();
        assertThat(signer.listeners()).isEqualTo(1);
        vm.deactivate();
        assertThat(ticker.active()).isZero();
        assertThat(signer.listeners()).isZero();

        chain.block = 7;
        background.runAll(); // the poll that was out when the shell left
        assertThat(vm.blockProperty().get()).isEqualTo("Block …");
        assertThat(vm.pollingProperty().get()).isFalse();
        vm.refresh();
        assertThat(background.queue).isEmpty();
    }
}
