// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

/// @title WindowClaim
/// @notice The time an operation claims it lands at, and the fixed window it falls in. Validation never reads the
///         clock (ERC-7562 OP-011): the policy accounts the op in the window of the claimed time and returns that
///         window as validAfter/validUntil, so the EntryPoint rejects the op anywhere else.
/// @dev Windows are aligned to the Unix epoch: [k·length, (k+1)·length). The claim is a uint48 timestamp, carried as
///      the last 6 bytes of an action's calldata, or as the last 6 bytes of the ERC-7579 mode word of an
///      `execute` operation (the mode payload, which accounts and SmartSession ignore).
library WindowClaim {
    /// @dev Bytes of a claim suffix.
    uint256 internal constant LENGTH = 6;
    /// @dev `execute(bytes32,bytes)`.
    bytes4 internal constant EXECUTE = 0xe9ae5c53;

    /// @notice Splits `data` into `body ‖ uint48 claim`; ok = false when shorter than 6 bytes.
    /// @param data The calldata of one action.
    function splitSuffix(bytes calldata data) internal pure returns (bool ok, uint256 claim, bytes calldata body) {
        if (data.length < LENGTH) return (false, 0, data[0:0]);
        uint256 cut = data.length - LENGTH;
        return (true, uint256(uint48(bytes6(data[cut:]))), data[0:cut]);
    }

    /// @notice The claim in the mode word of an `execute` operation; ok = false for any other callData.
    /// @param callData The user operation's callData.
    function fromMode(bytes calldata callData) internal pure returns (bool ok, uint256 claim) {
        if (callData.length < 36 || bytes4(callData[0:4]) != EXECUTE) return (false, 0);
        return (true, uint256(uint48(bytes6(callData[30:36]))));
    }

    /// @notice The window of `claim`: its start and the ERC-4337 validation data that pins the op into it.
    /// @dev ok = false when the window's last second would encode as validUntil 0 ("no expiry"), i.e. [0, 1).
    /// @param claim The claimed timestamp.
    /// @param length Window length in seconds, nonzero.
    function window(uint256 claim, uint256 length) internal pure returns (bool ok, uint256 start, uint256 validation) {
        start = claim - (claim % length);
        uint256 last = start + length - 1;
        if (last > type(uint48).max) last = type(uint48).max;
        if (last == 0) return (false, start, 0);
        return (true, start, (start << 208) | (last << 160));
    }
}
