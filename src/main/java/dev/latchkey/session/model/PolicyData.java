package dev.latchkey.session.model;

/** On-chain {@code PolicyData{address policy; bytes initData}}. */
public record PolicyData(Address policy, HexBytes initData) {
    public PolicyData {
        if (policy == null) throw new FieldException("policy", "missing");
        if (initData == null) throw new FieldException("initData", "missing");
    }
}
