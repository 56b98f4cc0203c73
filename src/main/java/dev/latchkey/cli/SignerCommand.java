package dev.latchkey.cli;

import dev.latchkey.automation.AutomationEngine;
import dev.latchkey.keystore.ActivityLog;
import dev.latchkey.keystore.AutoLock;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.session.engine.SoftLimits;
import dev.latchkey.wallet.ChainConnection;
import dev.latchkey.wallet.DecisionFeed;
import dev.latchkey.wallet.SignerHost;
import dev.latchkey.wallet.SoftLimitSettings;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code latchkey signer ...}: the headless background signer. */
@Command(name = "signer", mixinStandardHelpOptions = true, description = "The background signer, headless (server-side use).",
        subcommands = {SignerCommand.Run.class, SignerBumpCommand.class})
public final class SignerCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Unlock the wallet, start the background signer on the network (resuming every open journal row) and the"
                    + " automation engine, and print one line per decision until interrupted (Ctrl-C).")
    static final class Run extends ChainCommand {
        @Option(names = "--poll-ms", defaultValue = "250", description = "How often new decisions are looked for (ms).", converter = AsciiNumbers.Long.class)
        long pollMillis;

        @Override
        boolean needsPassword() {
            return true;
        }

        @Override
        Map<String, Object> execute(Keystore keystore, ChainConnection chain) throws KeystoreException {
            PrintWriter out = spec.commandLine().getOut();
            DecisionFeed feed = new DecisionFeed(keystore.activity());
            long decisions = 0;
            // The person's idle timer: after it, owner keys lock while session keys keep the signer and automations going.
            java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "owner-key auto-lock");
                t.setDaemon(true);
                return t;
            });
            try (AutoLock idle = new AutoLock(keystore, AutoLock.configuredTimeout(keystore), java.time.Clock.systemUTC(), AutoLock.Mode.OWNER_KEYS);
                 SignerHost host = SignerHost.start(keystore, chain, SoftLimitSettings.live(keystore.settings(), chain.profile().tradeNetwork()));
                 AutomationEngine automations = dev.latchkey.automation.rpc.LiveEngines.of(keystore, chain, host, line -> { })) {
                idle.start(timer, java.time.Duration.ofSeconds(30));
                automations.start(); // its decisions reach the feed below through the activity log (automation.* rows)
                if (!output.json) {
                    out.println("signer running on " + chain.profile().name() + " (chain " + chain.profile().chainId() + "), "
                            + host.resumed().size() + " open journal row(s) resumed, automations running; Ctrl-C stops it");
                    out.flush();
                }
                while (!Thread.currentThread().isInterrupted()) {
                    synchronized (out) {
                        for (ActivityLog.Entry e : feed.next()) {
                            decisions++;
                            out.println(output.json ? DecisionFeed.json(e) : DecisionFeed.line(e));
                        }
                        out.flush();
                    }
                    Thread.sleep(pollMillis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                timer.shutdownNow();
            }
            for (ActivityLog.Entry e : feed.next()) {
                decisions++;
                out.println(output.json ? DecisionFeed.json(e) : DecisionFeed.line(e));
            }
            Map<String, Object> summary = Output.result();
            summary.put("automations", "stopped");
            summary.put("stopped", true);
            summary.put("decisions", decisions);
            return summary;
        }
    }
}
