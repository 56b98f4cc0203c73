package dev.latchkey.automation.bench;

import dev.latchkey.automation.AutomationEngine;
import dev.latchkey.automation.AutomationService;
import dev.latchkey.automation.ChainReader;
import dev.latchkey.automation.Fixture;
import dev.latchkey.automation.RuleSpec;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.trade.template.SessionTemplate;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One engine pass per block over N stored rules (700 limit orders, 100 stop orders, 100 recurring payments, 100
 * auto-repays across four sessions) on a real keystore: read sessions, pending firings and rule rows from SQLite,
 * evaluate every rule against the block's prices, time and Aave position. The chain is in memory, so this is the
 * engine's own cost; RPC adds one read per distinct pool / account / token per block. See docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AutomationBenchmark {

    @Param("1000")
    public int rules;

    private Fixture f;
    private AutomationEngine engine;
    private Path dir;
    private long block;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("latchkey-automation-bench");
        f = new Fixture(dir);
        SessionRecord buy = f.session(new SessionTemplate.UniswapSwap("USDC", "WETH", 500, Fixture.usdc(1000), Fixture.usdc(5000)));
        SessionRecord sell = f.session(new SessionTemplate.UniswapSwap("WETH", "USDC", 500, Fixture.eth("2"), Fixture.eth("5")));
        SessionRecord pay = f.recurringSession(Fixture.usdc(10), 60, Fixture.START + 6 * 86_400);
        SessionRecord repay = f.session(new SessionTemplate.AaveRepayOnly("USDC", Fixture.usdc(500), Fixture.usdc(1000)));
        AutomationService service = f.service();
        long now = f.chain.head.timestamp();
        for (int i = 0; i < rules; i++) {
            int kind = i % 10;
            if (kind < 7) {
                service.add(buy.permissionId(), "limit " + i, new RuleSpec.LimitOrder("WETH", "USDC", 500, RuleSpec.Side.BUY, Fixture.usdc(100),
                        new BigDecimal(1000 + i), 50), now);
            } else if (kind == 7) {
                service.add(sell.permissionId(), "stop " + i, new RuleSpec.StopOrder("WETH", "USDC", 500, Fixture.eth("1"), new BigDecimal(1500 + i),
                        new BigDecimal(9000 + i), 50), now);
            } else if (kind == 8) {
                service.add(pay.permissionId(), "pay " + i, new RuleSpec.RecurringPayment(RuleSpec.Mode.SEND, "USDC", Fixture.BOB, null, 0,
                        Fixture.usdc(10), 60, Fixture.START + 86_400, 0, 10, 0), now);
            } else {
                service.add(repay.permissionId(), "repay " + i, new RuleSpec.AutoRepay("USDC", new BigDecimal("1.2"), new BigDecimal("1.5"),
                        Fixture.usdc(500)), now);
            }
        }
        f.chain.aave = new ChainReader.AaveAccount(BigInteger.TEN.pow(12), BigInteger.TEN.pow(11), BigInteger.ZERO, BigInteger.valueOf(8500),
                BigInteger.valueOf(8000), new BigInteger("8500000000000000000"));
        engine = f.engine();
        engine.evaluate(f.chain.next(2)); // first pass decrypts every rule once and records their first waits
        block = f.chain.head.number();
    }

    /** One block: nothing fires (the common case); the price wiggles so every limit and stop is compared anew. */
    @Benchmark
    public AutomationEngine.Report evaluateBlock() throws Exception {
        f.price((block++ & 1) == 0 ? "3000" : "3001");
        AutomationEngine.Report r = engine.evaluate(f.chain.next(2));
        if (r.evaluated() != rules || r.fired() != 0) throw new IllegalStateException("unexpected pass " + r);
        return r;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        engine.close();
        f.keystore.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Quick sanity run without JMH. */
    public static void main(String[] args) throws Exception {
        AutomationBenchmark b = new AutomationBenchmark();
        b.rules = 1000;
        b.setUp();
        for (int i = 0; i < 20; i++) b.evaluateBlock();
        long t = System.nanoTime();
        for (int i = 0; i < 50; i++) b.evaluateBlock();
        System.out.printf("%.2f ms per block%n", (System.nanoTime() - t) / 50 / 1e6);
        b.tearDown();
        List.of().size();
    }
}
