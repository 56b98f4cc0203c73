package dev.latchkey.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LauncherTest {

    @Test
    void noArgumentsOrOnlySmokeStartTheAppEverythingElseIsTheCli() {
        assertThat(LatchkeyApp.isAppInvocation(new String[0])).isTrue();
        assertThat(LatchkeyApp.isAppInvocation(new String[] {"--smoke"})).isTrue();
        assertThat(LatchkeyApp.isAppInvocation(new String[] {"--version"})).isFalse();
        assertThat(LatchkeyApp.isAppInvocation(new String[] {"wallet", "init"})).isFalse();
        assertThat(LatchkeyApp.isAppInvocation(new String[] {"--smoke", "wallet"})).isFalse();
    }
}
