// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {CalldataReader} from "./CalldataReader.sol";

/// @title ERC20CallParser
/// @notice Classifies ERC-20 calldata for the spending-limit policies.
library ERC20CallParser {
    using CalldataReader for bytes;

    bytes4 internal constant TRANSFER = 0xa9059cbb; // transfer(address,uint256)
    bytes4 internal constant TRANSFER_FROM = 0x23b872dd; // transferFrom(address,address,uint256)
    bytes4 internal constant APPROVE = 0x095ea7b3; // approve(address,uint256)
    bytes4 internal constant INCREASE_ALLOWANCE = 0x39509351; // increaseAllowance(address,uint256)

    enum Kind {
        UNSUPPORTED,
        SPEND,
        APPROVAL
    }

    /// @notice Parses `data` as an ERC-20 call made by `account`.
    /// @dev transfer → SPEND(amount); transferFrom → SPEND(amount, or 0 when `to == account`);
    ///      approve / increaseAllowance → APPROVAL(amount); anything else (incl. < 4 bytes) → UNSUPPORTED.
    ///      Truncated arguments or dirty address words revert, as `abi.decode` would.
    /// @param account The smart account making the call.
    /// @param data The call's calldata.
    function parse(address account, bytes calldata data) internal pure returns (Kind kind, uint256 amount) {
        (bool ok, bytes4 sel) = data.selector();
        if (!ok) return (Kind.UNSUPPORTED, 0);
        if (sel == TRANSFER) {
            data.argAddress(0);
            return (Kind.SPEND, data.argUint(1));
        }
        if (sel == TRANSFER_FROM) {
            data.argAddress(0);
            address to = data.argAddress(1);
            amount = data.argUint(2);
            return (Kind.SPEND, to == account ? 0 : amount);
        }
        if (sel == APPROVE || sel == INCREASE_ALLOWANCE) {
            data.argAddress(0);
            return (Kind.APPROVAL, data.argUint(1));
        }
        return (Kind.UNSUPPORTED, 0);
    }

    /// @notice The exact length of a well-formed call with `data`'s selector: 68 (transfer, approve,
    ///         increaseAllowance), 100 (transferFrom), 0 for anything else.
    /// @param data Any calldata.
    function encodedLength(bytes calldata data) internal pure returns (uint256) {
        (bool ok, bytes4 sel) = data.selector();
        if (!ok) return 0;
        if (sel == TRANSFER || sel == APPROVE || sel == INCREASE_ALLOWANCE) return 68;
        if (sel == TRANSFER_FROM) return 100;
        return 0;
    }
}
