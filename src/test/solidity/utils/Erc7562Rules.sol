// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {Vm} from "./Vm.sol";

/// @title Erc7562Rules
/// @notice Our own ERC-7562 rule check over the opcode trace of an unstaked sender's validation frames (forge's
///         `startDebugTraceRecording`). Rules checked, by their ERC-7562 ids:
///         - OP-011 banned opcodes: ORIGIN, GASPRICE, BLOCKHASH, COINBASE, TIMESTAMP, NUMBER, PREVRANDAO, GASLIMIT,
///           BASEFEE, BLOBHASH, BLOBBASEFEE, SELFDESTRUCT;
///         - OP-012 GAS only immediately before a *CALL;
///         - OP-031 CREATE (CREATE2 belongs to the factory frame, which these traces do not hold);
///         - OP-061 CALL with value only to the EntryPoint;
///         - OP-080 BALANCE / SELFBALANCE (staked entities only);
///         - STO-010 / STO-021 storage (SLOAD, SSTORE, TLOAD, TSTORE — OP-070 treats transient like persistent):
///           the sender's own storage, or in any other contract a slot associated with the sender: the sender's
///           address itself, or keccak256(sender ‖ x) + n with n ≤ 128, keccak preimages taken from the trace.
///         Not checked here (the bundler or the EntryPoint covers them): gas limits, OP-041 EXTCODE* of empty code,
///         OP-052..054 EntryPoint calls, reputation and the bundle-wide rules (one sender per bundle, etc.).
/// @dev The storage context of a frame is tracked through the calls: CALL / STATICCALL run in the target's
///      storage, DELEGATECALL / CALLCODE in the caller's (the account is an EIP-1167 clone).
library Erc7562Rules {
    struct Violation {
        string rule;
        address context;
        uint8 opcode;
        uint256 slot;
    }

    uint256 private constant MAX_DEPTH = 64;
    uint256 private constant ASSOCIATED_OFFSET = 128;
    /// @dev Reporting stops here: one violation is enough to fail, a few help to read.
    uint256 private constant MAX_VIOLATIONS = 16;

    /// @notice Every rule violation in the frame of the first call into `entry` recorded in `all` (and the frames it
    ///         calls), validating `sender` against `entryPoint`; empty = compliant. The caller's own steps (the
    ///         test around the call) are left out.
    function check(Vm.DebugStep[] memory all, address entry, address sender, address entryPoint)
        internal
        pure
        returns (Violation[] memory out)
    {
        (uint256 from, uint256 to) = _frame(all, entry);
        require(to > from, "Erc7562Rules: no step of the entry contract was recorded");
        Scan memory sc = Scan({
            hashes: _senderKeccaks(all, from, to, sender),
            ctx: new address[](MAX_DEPTH + 2),
            buf: new Violation[](MAX_VIOLATIONS),
            n: 0,
            sender: sender,
            entryPoint: entryPoint,
            base: all[from].depth
        });
        sc.ctx[0] = entry;
        for (uint256 i = from; i < to && sc.n + 2 < MAX_VIOLATIONS; ++i) {
            _step(sc, all[i], i + 1 < to ? all[i + 1].opcode : 0);
        }
        out = new Violation[](sc.n);
        for (uint256 i; i < sc.n; ++i) {
            out[i] = sc.buf[i];
        }
    }

    struct Scan {
        bytes32[] hashes;
        address[] ctx;
        Violation[] buf;
        uint256 n;
        address sender;
        address entryPoint;
        uint256 base;
    }

    function _step(Scan memory sc, Vm.DebugStep memory s, uint8 nextOp) private pure {
        uint256 d = s.depth - sc.base;
        require(d <= MAX_DEPTH, "Erc7562Rules: call depth");
        if (sc.ctx[d] == address(0)) sc.ctx[d] = s.contractAddr;
        address c = sc.ctx[d];
        uint8 op = s.opcode;
        string memory rule = _opcodeRule(op);
        if (bytes(rule).length != 0) sc.buf[sc.n++] = Violation(rule, c, op, 0);
        if (op == 0x5a && !_isCall(nextOp)) sc.buf[sc.n++] = Violation("OP-012 GAS not followed by a call", c, op, 0);
        if (_isCall(op)) {
            address target = address(uint160(s.stack[1]));
            sc.ctx[d + 1] = (op == 0xf4 || op == 0xf2) ? c : target;
            if (op == 0xf1 && s.stack[2] != 0 && target != sc.entryPoint) {
                sc.buf[sc.n++] = Violation("OP-061 CALL with value", c, op, s.stack[2]);
            }
        }
        if (op == 0x54 || op == 0x55 || op == 0x5c || op == 0x5d) {
            uint256 slot = s.stack[0];
            if (c != sc.sender && c != sc.entryPoint && !_associated(slot, sc.sender, sc.hashes)) {
                sc.buf[sc.n++] = Violation("STO-021 storage not associated with the sender", c, op, slot);
            }
        }
    }

    /// @notice A one-line description of the first violation, for assertion messages.
    function describe(Violation[] memory v) internal pure returns (string memory) {
        if (v.length == 0) return "compliant";
        return string.concat(v[0].rule, " (opcode ", _hex(v[0].opcode), ") in ", _addr(v[0].context));
    }

    /// @dev The step range [from, to): the first step executed by `entry` until its frame returns (no copy: a trace
    ///      is large and test memory is never freed).
    function _frame(Vm.DebugStep[] memory all, address entry) private pure returns (uint256 from, uint256 to) {
        from = all.length;
        for (uint256 i; i < all.length; ++i) {
            if (all[i].contractAddr == entry) {
                from = i;
                break;
            }
        }
        if (from == all.length) return (from, from);
        to = from;
        while (to < all.length && all[to].depth >= all[from].depth) ++to;
    }

    function _opcodeRule(uint8 op) private pure returns (string memory) {
        if (
            op == 0x32 || op == 0x3a || op == 0x40 || op == 0x41 || op == 0x42 || op == 0x43 || op == 0x44 || op == 0x45
                || op == 0x48 || op == 0x49 || op == 0x4a || op == 0xff
        ) return "OP-011 banned opcode";
        if (op == 0xf0) return "OP-031 CREATE";
        if (op == 0x31 || op == 0x47) return "OP-080 BALANCE / SELFBALANCE (unstaked)";
        return "";
    }

    function _isCall(uint8 op) private pure returns (bool) {
        return op == 0xf1 || op == 0xf2 || op == 0xf4 || op == 0xfa;
    }

    /// @dev Hashes of every KECCAK256 in [from, to) whose preimage starts with the sender (left-padded word).
    function _senderKeccaks(Vm.DebugStep[] memory steps, uint256 from, uint256 to, address sender)
        private
        pure
        returns (bytes32[] memory out)
    {
        uint256 n;
        for (uint256 pass; pass < 2; ++pass) {
            if (pass == 1) out = new bytes32[](n);
            n = 0;
            for (uint256 i = from; i < to; ++i) {
                Vm.DebugStep memory s = steps[i];
                if (s.opcode != 0x20 || s.memoryInput.length < 32) continue;
                bytes memory m = s.memoryInput;
                uint256 first;
                assembly ("memory-safe") {
                    first := mload(add(m, 0x20))
                }
                if (first != uint256(uint160(sender))) continue;
                if (pass == 1) out[n] = keccak256(m);
                ++n;
            }
        }
    }

    function _associated(uint256 slot, address sender, bytes32[] memory hashes) private pure returns (bool) {
        if (slot == uint256(uint160(sender))) return true;
        for (uint256 i; i < hashes.length; ++i) {
            uint256 h = uint256(hashes[i]);
            if (slot >= h && slot - h <= ASSOCIATED_OFFSET) return true;
        }
        return false;
    }

    function _hex(uint8 b) private pure returns (string memory) {
        bytes memory digits = "0123456789abcdef";
        return string(abi.encodePacked("0x", digits[b >> 4], digits[b & 0x0f]));
    }

    function _addr(address a) private pure returns (string memory) {
        bytes memory digits = "0123456789abcdef";
        bytes memory out = new bytes(42);
        out[0] = "0";
        out[1] = "x";
        uint160 v = uint160(a);
        for (uint256 i; i < 20; ++i) {
            uint8 b = uint8(v >> (8 * (19 - i)));
            out[2 + 2 * i] = digits[b >> 4];
            out[3 + 2 * i] = digits[b & 0x0f];
        }
        return string(out);
    }
}
