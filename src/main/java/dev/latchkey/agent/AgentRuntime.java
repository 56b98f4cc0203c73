package dev.latchkey.agent;

import dev.latchkey.agent.bundle.BundleImport;
import dev.latchkey.automation.AutomationEngine;
import dev.latchkey.automation.rpc.LiveEngines;
import dev.latchkey.keystore.ActivityLog;
import dev.latchkey.keystore.Keystore;
import dev.latchkey.keystore.KeystoreException;
import dev.latchkey.keystore.SessionRecord;
import dev.latchkey.keystore.SessionStatus;
import dev.latchkey.session.engine.SoftLimits;
import dev.latchkey.session.model.HexBytes;
import dev.latchkey.signer.SignerState;
import dev.latchkey.wallet.ChainConnection;
import dev.latchkey.wallet.DecisionFeed;
import dev.latchkey.wallet.NetworkProfile;
import dev.latchkey.wallet.SignerHost;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The headless agent (issue 16): the wallet's own signer and automation engine on the agent's store, driven block by
 * block — first "is the session still ours?" ({@link RevocationWatch}), then one engine pass — with every decision as a
 * JSON log line and the health/metrics endpoint on 127.0.0.1. The journal and the firings are the same exactly-once
 * state as in the wallet, so a killed agent resumes every open row and pays no trigger twice.
 */
public final class AgentRuntime {

    /** How a run ended: stopped by a signal (or {@link #requestStop}), or because the owner revoked the session. */
    public enum End { STOPPED, REVOKED }

    /** {@code port} 0 picks a free port (logged in {@code agent.started}). */
    public record Options(int port, Duration poll) { }

    private final Keystore store;
    private final NetworkProfile profile;
    private final AgentLog log;
    private final Options options;
    private final Clock clock;
    private final AgentStatus status = new AgentStatus();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopRequested;
    private boolean stoppedLogged;

    public AgentRuntime(Keystore store, NetworkProfile profile, AgentLog log, Options options, Clock clock) {
        this.store = store;
        this.profile = profile;
        this.log = log;
        this.options = options;
        this.clock = clock;
    }

    /** Asks the loop to stop after its current pass (a signal handler calls this, then {@link #awaitFinished}). */
    public void requestStop() {
        stopRequested = true;
    }

    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public End run() throws KeystoreException, IOException {
        End end = null;
        String failure = null;
        try {
            end = loop();
            return end;
        } catch (KeystoreException | IOException | RuntimeException e) {
            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            throw e;
        } finally {
            // Written here, before the signal handler is released: once it returns the JVM halts.
            if (end == End.REVOKED) {
                log.info("agent.stopped", Map.of("reason", "revoked"));
            } else if (failure != null) {
                log.warn("agent.stopped", Map.of("reason", "error", "error", failure));
            } else if (!stoppedLogged) {
                log.info("agent.stopped", Map.of("reason", "stop requested (SIGTERM or Ctrl-C); open journal rows resume at the next start"));
            }
            status.state(status.state() == AgentStatus.State.REVOKED ? AgentStatus.State.REVOKED : AgentStatus.State.STOPPED, "");
            finished.countDown();
        }
    }

    private End loop() throws KeystoreException, IOException {
        String pidHex = store.settings().get(BundleImport.AGENT_SESSION);
        SessionRecord session = store.sessions().get(HexFormat.of().parseHex(pidHex.substring(2)));
        if (session.status() == SessionStatus.REVOKED) {
            log.warn("agent.revoked", Map.of("session", pidHex, "reason", "the session was revoked earlier; nothing to run"));
            status.revoked(-1, "revoked earlier");
            return End.REVOKED;
        }
        DecisionFeed feed = new DecisionFeed(store.activity());
        try (ChainConnection chain = ChainConnection.open(profile);
             SignerHost host = SignerHost.start(store, chain, SoftLimits.NONE);
             AutomationEngine engine = LiveEngines.of(store, chain, host, line -> log.info("automation.note", Map.of("message", line)));
             AgentHttp http = new AgentHttp(options.port(), this::health, () -> status.state() == AgentStatus.State.RUNNING,
                     new AgentMetrics(store, session.permissionId(), profile.tokens(), status, host.signer()::state, clock)::render)) {
            RevocationWatch watch = new RevocationWatch(chain.node(), session, profile.chainId());
            status.state(AgentStatus.State.RUNNING, "");
            log.info("agent.started", fields("session", pidHex, "network", profile.name(), "chainId", profile.chainId(),
                    "health", "http://127.0.0.1:" + http.port() + "/health", "metrics", "http://127.0.0.1:" + http.port() + "/metrics",
                    "resumed", host.resumed().size()));
            long last = -1;
            while (!stopRequested) {
                try {
                    long head = chain.node().blockNumber().longValueExact();
                    if (head > last) {
                        last = head;
                        status.head(head, clock.millis());
                        var revoked = watch.check();
                        if (revoked.isPresent()) {
                            drain(feed);
                            return revoke(session, head, revoked.get(), host, feed);
                        }
                    }
                    engine.poll();
                } catch (RuntimeException e) {
                    log.warn("agent.pass_failed", Map.of("error", e.getClass().getSimpleName(), "message", String.valueOf(e.getMessage())));
                }
                drain(feed);
                sleep(options.poll());
            }
            status.state(AgentStatus.State.STOPPING, "stop requested");
            drain(feed);
            // Said before the signer and the connections close: once the signal handler returns the JVM halts.
            log.info("agent.stopped", Map.of("reason", "stop requested (SIGTERM or Ctrl-C); open journal rows resume at the next start"));
            stoppedLogged = true;
        }
        log.info("agent.closed", Map.of());
        try {
            drain(feed);
        } catch (KeystoreException | RuntimeException e) {
            log.warn("agent.drain_failed", Map.of("message", String.valueOf(e.getMessage())));
        }
        return End.STOPPED;
    }

    private End revoke(SessionRecord s, long block, String why, SignerHost host, DecisionFeed feed) throws KeystoreException {
        status.revoked(block, why);
        host.close(); // no new signature from here; whatever is in flight the chain now refuses
        store.sessions().setStatus(s.permissionId(), SessionStatus.REVOKED);
        store.keys().wipeSessionKey(s.sessionKeyAddress());
        drain(feed);
        log.warn("agent.revoked", fields("session", HexBytes.of(s.permissionId()).hex(), "block", block, "reason", why,
                "action", "stopped signing; the session key is wiped from this agent"));
        return End.REVOKED;
    }

    private void drain(DecisionFeed feed) throws KeystoreException {
        for (ActivityLog.Entry e : feed.next()) {
            log.info(e.kind().code(), fields("subject", e.subject(), "detail", e.detail(), "at", e.at().toString()));
        }
    }

    private Map<String, Object> health() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("status", status.state().name().toLowerCase());
        try {
            h.put("agentId", store.settings().get(BundleImport.AGENT_ID));
            h.put("server", store.settings().get(BundleImport.AGENT_SERVER));
            h.put("session", store.settings().get(BundleImport.AGENT_SESSION));
        } catch (KeystoreException e) {
            h.put("store", e.getMessage());
        }
        h.put("network", profile.name());
        h.put("head", status.head());
        long seen = status.headSeenAtMillis();
        h.put("lagSeconds", seen == 0 ? null : (clock.millis() - seen) / 1000.0);
        if (status.revokedAtBlock() >= 0) h.put("revokedAtBlock", status.revokedAtBlock());
        if (!status.detail().isEmpty()) h.put("detail", status.detail());
        return h;
    }

    private static Map<String, Object> fields(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopRequested = true;
        }
    }

}
