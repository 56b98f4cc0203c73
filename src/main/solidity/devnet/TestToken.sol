// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @title TestToken
/// @notice DEVNET-ONLY ERC-20 with configurable name/symbol/decimals and an UNRESTRICTED public {mint} used by the
///         Latchkey devnet faucet. Never deploy to a network where the token could have value: anyone can mint.
contract TestToken is ERC20 {
    uint8 private immutable _DECIMALS;

    /// @notice Deploys the token.
    /// @param name_ Token name.
    /// @param symbol_ Token symbol.
    /// @param decimals_ Token decimals (e.g. 6 for a USDC-like token, 18 otherwise).
    constructor(string memory name_, string memory symbol_, uint8 decimals_) ERC20(name_, symbol_) {
        _DECIMALS = decimals_;
    }

    /// @notice Token decimals as configured at deployment.
    /// @return The decimals.
    function decimals() public view override returns (uint8) {
        return _DECIMALS;
    }

    /// @notice Mints `amount` to `to`. Permissionless: devnet faucet only.
    /// @param to Recipient.
    /// @param amount Amount in base units.
    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }
}
