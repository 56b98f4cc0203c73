package dev.latchkey.wallet;

import dev.latchkey.keystore.ActivityKind;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.latchkey.keystore.ActivityLog;
import dev.latchkey.keystore.KeystoreException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The signer's decisions as they are written to the activity log ({@code signer.approved}, {@code signer.refused},
 * {@code signer.failed}, {@code signer.included}, {@code signer.resumed}) and the automation engine's
 * ({@code automation.fired}, {@code automation.succeeded}, {@code automation.failed}, {@code automation.needs_attention},
 * {@code automation.done}, …): each call returns the rows appended since the previous one. What {@code signer run}
 * prints, one line per decision.
 */
public final class DecisionFeed {

    private static final int WINDOW = 500;

    private final ActivityLog log;
    private long lastId;

    /** Starts after the rows already in the log. */
    public DecisionFeed(ActivityLog log) throws KeystoreException {
        this.log = log;
        List<ActivityLog.Entry> recent = log.recent(1);
        this.lastId = recent.isEmpty() ? 0 : recent.get(recent.size() - 1).id();
    }

    public List<ActivityLog.Entry> next() throws KeystoreException {
        List<ActivityLog.Entry> fresh = log.recent(WINDOW).stream().filter(e -> e.id() > lastId).toList();
        if (!fresh.isEmpty()) lastId = fresh.get(fresh.size() - 1).id();
        return fresh.stream().filter(e -> e.kind().family() == ActivityKind.Family.SIGNER || e.kind().family() == ActivityKind.Family.AUTOMATION).toList();
    }

    /** {@code 2026-11-24T06:49:41.123Z signer.included 0a1b… seq 3 …}. */
    public static String line(ActivityLog.Entry e) {
        return e.at() + " " + e.kind().code() + " " + e.subject() + " " + e.detail();
    }

    public static String json(ActivityLog.Entry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", e.at().toString());
        m.put("decision", e.kind().code());
        m.put("intent", e.subject());
        m.put("detail", e.detail());
        try {
            return new ObjectMapper().writeValueAsString(m);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
