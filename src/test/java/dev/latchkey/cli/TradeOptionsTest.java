package dev.latchkey.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.latchkey.session.model.FieldException;
import org.junit.jupiter.api.Test;

/** Slippage text → basis points. */
class TradeOptionsTest {

    @Test
    void slippageAsPercentOrBasisPoints() {
        assertThat(TradeCommand.bps("0.5%")).isEqualTo(50);
        assertThat(TradeCommand.bps("1")).isEqualTo(100);
        assertThat(TradeCommand.bps("50bps")).isEqualTo(50);
        assertThat(TradeCommand.bps(" 0.25 % ")).isEqualTo(25);
        assertThatThrownBy(() -> TradeCommand.bps("0.001%")).isInstanceOf(FieldException.class)
                .hasMessageStartingWith("--max-slippage: expected a percentage like 0.5%");
        assertThatThrownBy(() -> TradeCommand.bps("lots")).isInstanceOf(FieldException.class);
    }
}
