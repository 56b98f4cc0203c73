// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {Vm} from "./Vm.sol";
import {ConfigId} from "../../../main/solidity/smartsession/DataTypes.sol";
import {ActionConfig, ParamCondition, ParamRule} from "../../../main/solidity/policies/UniActionPolicy.sol";

/// @title UniActionStorage
/// @notice Reads a UniActionPolicy config straight from storage by the canonical layout — `actionConfigs` is the
///         only state variable (slot 0), each config is valueLimitPerUse, length, then 16 rules of 4 slots
///         (condition | offset << 8 | isLimited << 72, ref, limit, used). Tests reading through this library pin
///         that our build keeps the canonical layout (tooling that reads storage, e.g. state overrides, relies on
///         it); the wallet itself reads the public getter `actionConfigs`.
library UniActionStorage {
    Vm internal constant VM = Vm(address(uint160(uint256(keccak256("hevm cheat code")))));

    /// @dev keccak(account ‖ keccak(multiplexer ‖ keccak(id ‖ 0))): the config's first slot.
    function base(ConfigId id, address multiplexer, address account) internal pure returns (uint256) {
        bytes32 byId = keccak256(abi.encode(ConfigId.unwrap(id), uint256(0)));
        bytes32 byMux = keccak256(abi.encode(multiplexer, byId));
        return uint256(keccak256(abi.encode(account, byMux)));
    }

    function ruleUsed(address policy, ConfigId id, address multiplexer, address account, uint256 index)
        internal
        view
        returns (uint256)
    {
        return uint256(VM.load(policy, bytes32(base(id, multiplexer, account) + 2 + 4 * index + 3)));
    }

    function read(address policy, ConfigId id, address multiplexer, address account)
        internal
        view
        returns (ActionConfig memory cfg)
    {
        uint256 b = base(id, multiplexer, account);
        cfg.valueLimitPerUse = uint256(VM.load(policy, bytes32(b)));
        cfg.paramRules.length = uint256(VM.load(policy, bytes32(b + 1)));
        for (uint256 i; i < 16; ++i) {
            uint256 s = b + 2 + 4 * i;
            uint256 head = uint256(VM.load(policy, bytes32(s)));
            ParamRule memory r = cfg.paramRules.rules[i];
            r.condition = ParamCondition(uint8(head));
            r.offset = uint64(head >> 8);
            r.isLimited = (head >> 72) & 1 == 1;
            r.ref = VM.load(policy, bytes32(s + 1));
            r.usage.limit = uint256(VM.load(policy, bytes32(s + 2)));
            r.usage.used = uint256(VM.load(policy, bytes32(s + 3)));
        }
    }
}
