package dev.latchkey.trade.catalog;

import dev.latchkey.session.model.Address;

/** Which contract a catalog function belongs to. */
public enum ContractKind {
    ERC20("ERC-20 token"), SWAP_ROUTER_02("Uniswap SwapRouter02"), QUOTER_V2("Uniswap QuoterV2"), AAVE_POOL("Aave V3 Pool");

    private final String label;

    ContractKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether {@code target} is a contract of this kind on {@code network}. */
    public boolean isAt(Address target, TradeNetwork network) {
        return switch (this) {
            case ERC20 -> network.tokenAt(target).isPresent();
            case SWAP_ROUTER_02 -> target.equals(network.swapRouter02());
            case QUOTER_V2 -> target.equals(network.quoterV2());
            case AAVE_POOL -> target.equals(network.aavePool());
        };
    }
}
