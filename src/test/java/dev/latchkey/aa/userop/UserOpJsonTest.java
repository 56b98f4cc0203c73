package dev.latchkey.aa.userop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.latchkey.session.SessionGenerator;
import dev.latchkey.session.model.FieldException;
import org.junit.jupiter.api.Test;

class UserOpJsonTest {

    final ObjectMapper mapper = new ObjectMapper();

    @Test
    void roundTripsAndRejectsBadFields() {
        SessionGenerator gen = new SessionGenerator(3);
        for (int i = 0; i < 20; i++) {
            UserOperation op = gen.next(i).userOp();
            assertThat(UserOpJson.read(UserOpJson.write(op, mapper))).isEqualTo(op);
        }
        ObjectNode n = UserOpJson.write(gen.next(0).userOp(), mapper);
        assertThatThrownBy(() -> UserOpJson.read(n.deepCopy().put("callGasLimit", "0x1" + "0".repeat(32))))
                .isInstanceOf(FieldException.class).hasMessageStartingWith("callGasLimit: exceeds uint128");
        assertThatThrownBy(() -> UserOpJson.read(n.deepCopy().put("sender", "0x12"))).hasMessageStartingWith("sender:");
        assertThatThrownBy(() -> UserOpJson.read(n.deepCopy().put("nonce", "12"))).hasMessageStartingWith("nonce: quantity must be 0x-hex");
        assertThatThrownBy(() -> UserOpJson.read(n.deepCopy().put("initCode", "0x"))).hasMessageStartingWith("initCode: unknown");
        assertThatThrownBy(() -> UserOpJson.read(n.deepCopy().put("callData", "0xabc"))).hasMessageStartingWith("callData: odd");
    }
}
