package dev.latchkey.trade.build;

import dev.latchkey.session.model.FieldException;
import dev.latchkey.session.model.UInt;
import java.math.BigInteger;

/**
 * An Aave V3 action on the account's own position, {@code amount} in raw units. The "everything" sentinel
 * {@code type(uint256).max} is refused: approvals and session caps work on exact amounts.
 */
public sealed interface AaveIntent {

    String asset();

    BigInteger amount();

    record Supply(String asset, BigInteger amount) implements AaveIntent {
        public Supply { validate(asset, amount); }
    }

    record Withdraw(String asset, BigInteger amount) implements AaveIntent {
        public Withdraw { validate(asset, amount); }
    }

    record Borrow(String asset, BigInteger amount) implements AaveIntent {
        public Borrow { validate(asset, amount); }
    }

    record Repay(String asset, BigInteger amount) implements AaveIntent {
        public Repay { validate(asset, amount); }
    }

    private static void validate(String asset, BigInteger amount) {
        if (asset == null || asset.isBlank()) throw new FieldException("asset", "missing");
        UInt.check("amount", amount, 256);
        if (amount.signum() == 0) throw new FieldException("amount", "must be greater than 0");
        if (amount.bitLength() == 256 && amount.bitCount() == 256) throw new FieldException("amount", "type(uint256).max ('all') is not supported; give an exact amount");
    }
}
