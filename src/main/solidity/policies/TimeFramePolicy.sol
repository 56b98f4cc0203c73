// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {PackedUserOperation} from "@openzeppelin/contracts/interfaces/IERC4337.sol";
import {ConfigId} from "../smartsession/DataTypes.sol";
import {IPolicy, IUserOpPolicy, IActionPolicy, I1271Policy} from "../smartsession/interfaces/IPolicy.sol";
import {PolicyResult} from "./lib/PolicyResult.sol";
import {PolicyInterfaces} from "./lib/PolicyInterfaces.sol";

/// @title TimeFramePolicy
/// @notice Canonical Smart Sessions time-frame policy (userOp, action, 1271): returns the configured window as
///         ERC-4337 validation data so the EntryPoint enforces it; the 1271 check compares against block.timestamp.
/// @dev Init data: the first 12 bytes = `uint48 validUntil ‖ uint48 validAfter` (abi.encodePacked), seconds.
///      Stored as a uint256 (the canonical `TimeFrameConfig`): until in bits 48..95, after in bits 0..47.
///      Stateless checks (view).
contract TimeFramePolicy is IUserOpPolicy, IActionPolicy, I1271Policy {
    /// @notice Init data shorter than 12 bytes.
    error InvalidInitDataLength();

    /// @notice The packed window of (configId, multiplexer, account); the canonical public getter.
    mapping(ConfigId id => mapping(address multiplexer => mapping(address account => uint256))) public
        timeFrameConfigs;

    /// @notice Stores (validUntil, validAfter) for (configId, msg.sender, account), overwriting the old window.
    /// @dev Reverts `PolicyNotInitialized` unless `validUntil == 0 || validAfter <= validUntil`.
    /// @param account The smart account.
    /// @param configId The config id.
    /// @param initData `abi.encodePacked(uint48 validUntil, uint48 validAfter)`; bytes after 12 are ignored.
    function initializeWithMultiplexer(address account, ConfigId configId, bytes calldata initData) external {
        if (initData.length < 12) revert InvalidInitDataLength();
        uint96 packed = uint96(bytes12(initData[0:12]));
        (uint48 validUntil, uint48 validAfter) = _unpack(packed);
        if (validUntil != 0 && validAfter > validUntil) revert PolicyNotInitialized(configId, msg.sender, account);
        timeFrameConfigs[configId][msg.sender][account] = packed;
        emit IPolicy.PolicySet(configId, msg.sender, account);
    }

    /// @notice Returns `validAfter << 208 | validUntil << 160`; reverts `PolicyNotInitialized` if both are 0.
    /// @param id The config id.
    /// @param userOp The user operation (its `sender` is the account).
    function checkUserOpPolicy(ConfigId id, PackedUserOperation calldata userOp) external view returns (uint256) {
        return _validationData(id, userOp.sender);
    }

    /// @notice Returns `validAfter << 208 | validUntil << 160`; reverts `PolicyNotInitialized` if both are 0.
    /// @param id The config id.
    /// @param account The smart account.
    /// @param target Ignored.
    /// @param value Ignored.
    /// @param data Ignored.
    function checkAction(ConfigId id, address account, address target, uint256 value, bytes calldata data)
        external
        view
        returns (uint256)
    {
        (target, value, data);
        return _validationData(id, account);
    }

    /// @notice `(now < validUntil || validUntil == 0) && now >= validAfter`; reverts `PolicyNotInitialized` if
    ///         both are 0.
    /// @param id The config id.
    /// @param requestSender Ignored.
    /// @param account The smart account.
    /// @param hash Ignored.
    /// @param signature Ignored.
    function check1271SignedAction(
        ConfigId id,
        address requestSender,
        address account,
        bytes32 hash,
        bytes calldata signature
    ) external view returns (bool) {
        (requestSender, hash, signature);
        (uint48 validUntil, uint48 validAfter) = _load(id, msg.sender, account);
        // The canonical 1271 semantics compare against block.timestamp by design.
        // forge-lint: disable-next-line(block-timestamp)
        return (block.timestamp < validUntil || validUntil == 0) && block.timestamp >= validAfter;
    }

    /// @notice The packed window of (id, multiplexer, account): until in bits 48..95, after in bits 0..47; 0 when
    ///         not configured (canonical getter, `TimeFrameConfig` is a uint256).
    /// @param id The config id.
    /// @param multiplexer The multiplexer.
    /// @param account The smart account.
    function getTimeFrameConfig(ConfigId id, address multiplexer, address account) external view returns (uint256) {
        return timeFrameConfigs[id][multiplexer][account];
    }

    /// @notice ERC-165: IERC165, IPolicy, IUserOpPolicy, IActionPolicy and I1271Policy.
    /// @param interfaceId The queried interface id.
    function supportsInterface(bytes4 interfaceId) external pure returns (bool) {
        return PolicyInterfaces.isSupported(interfaceId, true, true, true);
    }

    function _load(ConfigId id, address multiplexer, address account)
        internal
        view
        returns (uint48 validUntil, uint48 validAfter)
    {
        uint256 packed = timeFrameConfigs[id][multiplexer][account];
        if (packed == 0) revert PolicyNotInitialized(id, multiplexer, account);
        // Only the low 96 bits are ever written (init stores a uint96).
        // forge-lint: disable-next-line(unsafe-typecast)
        return _unpack(uint96(packed));
    }

    /// @dev until = bits 48..95, after = bits 0..47 (truncation to 48 bits is the unpacking itself).
    function _unpack(uint96 packed) internal pure returns (uint48 validUntil, uint48 validAfter) {
        // forge-lint: disable-next-line(unsafe-typecast)
        validUntil = uint48(packed >> 48);
        // forge-lint: disable-next-line(unsafe-typecast)
        validAfter = uint48(packed);
    }

    function _validationData(ConfigId id, address account) internal view returns (uint256) {
        (uint48 validUntil, uint48 validAfter) = _load(id, msg.sender, account);
        return PolicyResult.packTimeRange(validUntil, validAfter);
    }
}
