package dev.latchkey.signer.onchain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SessionStatus;
import dev.latchkey.session.engine.InMemoryPolicyState;
import dev.latchkey.session.engine.PolicyState;
import dev.latchkey.session.model.Address;
import dev.latchkey.session.model.HexBytes;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Trade-path snapshots: memoised until the session changes, then refilled in the background with the same reads. */
class SnapshotPolicyStatesTest {

    static final Address POLICY = new Address("0x00000000000000000000000000000000000000aa");
    static final HexBytes CFG = HexBytes.zeros(32);

    final AtomicInteger reads = new AtomicInteger();
    final AtomicLong chainValue = new AtomicLong(1);

    /** A "chain" whose usage counter is {@code chainValue}; counts every read. */
    PolicyState live() {
        PolicyState zero = new InMemoryPolicyState();
        return new PolicyState() {
            @Override public BigInteger usageUsed(Address p, HexBytes c) {
                reads.incrementAndGet();
                return BigInteger.valueOf(chainValue.get());
            }
            @Override public BigInteger valueUsed(Address p, HexBytes c) { return zero.valueUsed(p, c); }
            @Override public Spending spending(Address p, HexBytes c, Address t) { return zero.spending(p, c, t); }
            @Override public Window periodicBudget(Address p, HexBytes c, Address t) { return zero.periodicBudget(p, c, t); }
            @Override public Window rateLimit(Address p, HexBytes c) { return zero.rateLimit(p, c); }
            @Override public BigInteger gasCostUsed(Address p, HexBytes c) { return zero.gasCostUsed(p, c); }
            @Override public BigInteger ruleUsed(Address p, HexBytes c, int i) { return zero.ruleUsed(p, c, i); }
        };
    }

    static SessionRecord session() {
        return new SessionRecord(new byte[32], "0x1111111111111111111111111111111111111111", "0x2222222222222222222222222222222222222222",
                new byte[32], new byte[] {1}, new byte[32], 0, 10, SessionStatus.ENABLED, new byte[24],
                List.of(new SessionRecord.Chain(1, "0x3333333333333333333333333333333333333333", 0)));
    }

    @Test
    void readsAreKeptUntilTheSessionChangesThenRefilledAheadOfTheNextTrade() throws Exception {
        try (SnapshotPolicyStates states = new SnapshotPolicyStates((s, c) -> live())) {
            SessionRecord s = session();
            assertThat(states.stateOf(s, 1).usageUsed(POLICY, CFG)).isEqualTo(1);
            assertThat(states.stateOf(s, 1).usageUsed(POLICY, CFG)).isEqualTo(1);
            assertThat(reads.get()).as("second read from the snapshot").isEqualTo(1);

            chainValue.set(2); // an operation of the session landed
            assertThat(states.stateOf(s, 1).usageUsed(POLICY, CFG)).as("not seen before changed()").isEqualTo(1);
            states.changed(s, 1);
            while (states.warming() > 0) Thread.sleep(5);
            assertThat(reads.get()).as("the same read repeated in the background").isEqualTo(2);
            assertThat(states.stateOf(s, 1).usageUsed(POLICY, CFG)).isEqualTo(2);
            assertThat(reads.get()).as("the trade path found it ready").isEqualTo(2);

            assertThat(states.fresh(s, 1).usageUsed(POLICY, CFG)).isEqualTo(2);
            assertThat(reads.get()).as("fresh always reads").isEqualTo(3);
        }
    }
}
