package dev.latchkey.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReloaderTest {

    /** Background work runs only when the test says so, so a request can arrive while a load is running. */
    private final Queue<Runnable> pending = new ArrayDeque<>();

    @Test
    void requestsDuringALoadAreServedByExactlyOneMoreLoad() {
        AtomicInteger loads = new AtomicInteger();
        List<Integer> applied = new ArrayList<>();
        AtomicInteger input = new AtomicInteger(1);
        Reloader<Integer> reloader = new Reloader<>(new AsyncAction(pending::add, FxExecutor.direct()), () -> {
            int captured = input.get(); // captured on the FX side when the load starts
            return progress -> {
                loads.incrementAndGet();
                return captured;
            };
        }, applied::add, e -> { });

        reloader.request();
        input.set(2);
        reloader.request();
        reloader.request();
        reloader.request();
        assertThat(pending).hasSize(1);
        pending.poll().run();
        assertThat(applied).containsExactly(1);
        assertThat(pending).as("the three requests made while loading collapse into one load").hasSize(1);
        pending.poll().run();
        assertThat(applied).containsExactly(1, 2);
        assertThat(pending).isEmpty();
        assertThat(loads).hasValue(2);
    }

    @Test
    void aFailedLoadStillServesTheRequestThatCameMeanwhile() {
        List<String> errors = new ArrayList<>();
        List<String> applied = new ArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        Reloader<String> reloader = new Reloader<>(new AsyncAction(pending::add, FxExecutor.direct()), () -> progress -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("node down");
            }
            return "ok";
        }, applied::add, e -> errors.add(e.getMessage()));
        reloader.request();
        reloader.request();
        pending.poll().run();
        pending.poll().run();
        assertThat(errors).containsExactly("node down");
        assertThat(applied).containsExactly("ok");
    }
}
