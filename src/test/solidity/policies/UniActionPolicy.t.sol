// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {PolicyTestBase} from "./PolicyTestBase.sol";
import {ConfigId} from "../../../main/solidity/smartsession/DataTypes.sol";
import {IPolicy} from "../../../main/solidity/smartsession/interfaces/IPolicy.sol";
import {
    UniActionPolicy,
    ActionConfig,
    ParamRule,
    ParamCondition,
    LimitUsage
} from "../../../main/solidity/policies/UniActionPolicy.sol";
import {CalldataReader} from "../../../main/solidity/policies/lib/CalldataReader.sol";
import {UniActionStorage} from "../utils/UniActionStorage.sol";

contract UniActionPolicyTest is PolicyTestBase {
    UniActionPolicy internal policy;
    address internal constant TOKEN = address(0x7070);
    address internal constant RECIPIENT = address(0xB0B);

    function setUp() public {
        policy = new UniActionPolicy();
    }

    // ---------------------------------------------------------------- helpers

    function _rule(ParamCondition c, uint64 offset, bytes32 ref) internal pure returns (ParamRule memory r) {
        r.condition = c;
        r.offset = offset;
        r.ref = ref;
    }

    function _limitedRule(ParamCondition c, uint64 offset, bytes32 ref, uint256 limit)
        internal
        pure
        returns (ParamRule memory r)
    {
        r = _rule(c, offset, ref);
        r.isLimited = true;
        r.usage = LimitUsage({limit: limit, used: 0});
    }

    /// @dev transfer(to == RECIPIENT, amount <= maxAmount), cumulative `total`, value cap `valueLimit`.
    function _transferConfig(uint256 maxAmount, uint256 total, uint256 valueLimit)
        internal
        pure
        returns (ActionConfig memory cfg)
    {
        cfg.valueLimitPerUse = valueLimit;
        cfg.paramRules.length = 2;
        cfg.paramRules.rules[0] = _rule(ParamCondition.EQUAL, 0, bytes32(uint256(uint160(RECIPIENT))));
        cfg.paramRules.rules[1] = _limitedRule(ParamCondition.LESS_THAN_OR_EQUAL, 32, bytes32(maxAmount), total);
    }

    function _init(address mux, address account, ConfigId id, ActionConfig memory cfg) internal {
        vm.prank(mux);
        policy.initializeWithMultiplexer(account, id, abi.encode(cfg));
    }

    function _check(address mux, address account, ConfigId id, uint256 value, bytes memory data)
        internal
        returns (uint256)
    {
        vm.prank(mux);
        return policy.checkAction(id, account, TOKEN, value, data);
    }

    function _transfer(address to, uint256 amount) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(0xa9059cbb, to, amount);
    }

    function _used(address mux, address account, ConfigId id, uint256 rule) internal view returns (uint256 used) {
        used = UniActionStorage.ruleUsed(address(policy), id, mux, account, rule);
    }

    // ---------------------------------------------------------------- init

    function test_initData_isStatic3136Bytes() public pure {
        ActionConfig memory cfg;
        vm.assertEq(abi.encode(cfg).length, 3136, "98 words");
    }

    function test_init_storesConfig_andEmits() public {
        ActionConfig memory cfg = _transferConfig(100, 250, 1 ether);
        vm.expectEmit(address(policy));
        emit IPolicy.PolicySet(CID, MUX, ACCOUNT);
        _init(MUX, ACCOUNT, CID, cfg);
        ActionConfig memory got = UniActionStorage.read(address(policy), CID, MUX, ACCOUNT);
        vm.assertEq(keccak256(abi.encode(got)), keccak256(abi.encode(cfg)), "stored config");
    }

    function test_init_revertsOnMoreThan16Rules() public {
        ActionConfig memory cfg;
        cfg.paramRules.length = 17;
        vm.expectRevert(abi.encodeWithSelector(UniActionPolicy.TooManyRules.selector, 17));
        vm.prank(MUX);
        policy.initializeWithMultiplexer(ACCOUNT, CID, abi.encode(cfg));
    }

    function test_init_accepts16Rules() public {
        ActionConfig memory cfg;
        cfg.paramRules.length = 16;
        for (uint256 i; i < 16; ++i) {
            cfg.paramRules.rules[i] = _rule(ParamCondition.GREATER_THAN_OR_EQUAL, 0, bytes32(0));
        }
        _init(MUX, ACCOUNT, CID, cfg);
        vm.assertEq(_check(MUX, ACCOUNT, CID, 0, _transfer(RECIPIENT, 1)), 0, "16 trivially true rules");
    }

    function test_init_revertsOnInvalidEnum() public {
        bytes memory data = abi.encode(_transferConfig(1, 1, 0));
        // word 2 = rules[0].condition
        assembly {
            mstore(add(data, 0x60), 7)
        }
        vm.expectRevert();
        vm.prank(MUX);
        policy.initializeWithMultiplexer(ACCOUNT, CID, data);
    }

    function test_init_revertsOnShortData() public {
        vm.expectRevert();
        vm.prank(MUX);
        policy.initializeWithMultiplexer(ACCOUNT, CID, new bytes(3135));
    }

    function test_init_copiesUsedAsGiven() public {
        ActionConfig memory cfg = _transferConfig(100, 250, 0);
        cfg.paramRules.rules[1].usage.used = 200;
        _init(MUX, ACCOUNT, CID, cfg);
        vm.assertEq(_used(MUX, ACCOUNT, CID, 1), 200, "used copied");
        vm.assertEq(_check(MUX, ACCOUNT, CID, 0, _transfer(RECIPIENT, 51)), 1, "only 50 left");
        vm.assertEq(_check(MUX, ACCOUNT, CID, 0, _transfer(RECIPIENT, 50)), 0, "exactly 50 left");
    }

    function test_reinit_resetsUsage_andClearsOldRules() public {
        ActionConfig memory cfg = _transferConfig(100, 250, 0);
        _init(MUX, ACCOUNT, CID, cfg);
        vm.assertEq(_check(MUX, ACCOUNT, CID, 0, _transfer(RECIPIENT, 100)), 0, "spend 100");
        vm.assertEq(_used(MUX, ACCOUNT, CID, 1), 100, "used 100");

        _init(MUX, ACCOUNT, CID, cfg);
        vm.assertEq(_used(MUX, ACCOUNT, CID, 1), 0, "re-init resets used");

        // Re-init with a single rule: rule 1 must be wiped from storage.
        ActionConfig memory one;
        one.paramRules.length = 1;
        one.paramRules.rules[0] = _rule(ParamCondition.EQUAL, 0, bytes32(uint256(uint160(RECIPIENT))));
        _init(MUX, ACCOUNT, CID, one);
        ActionConfig memory got = UniActionStorage.read(address(policy), CID, MUX, ACCOUNT);
        vm.assertEq(keccak256(abi.encode(got)), keccak256(abi.encode(one)), "rules >= length cleared");
        vm.assertEq(_check(MUX, ACCOUNT, CID, 0, _transfer(RECIPIENT, 10_000)), 0, "amount rule gone");
    }

    // ---------------------------------------------------------------- check

    function test_check_uninitialized_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IPolicy.PolicyNotInitialized.selector, CID, MUX, ACCOUNT));
        _check(MUX, ACCOUNT, CID, 0, _transfer(RECIPIENT, 1));
    }

    function test_check_lengthZeroInit_reverts() public {
        ActionConfig memory cfg;
        cfg.valueLimitPerUse = 5;
        _init(MUX, ACCOUNT, CID, cfg);
        vm.expectRevert(abi.encodeWithSelector(IPolicy.PolicyNotInitialized.selector, CID, MUX, ACCOUNT));
        _check(MUX, ACCOUNT, CID, 0, _transfer(RECIPIENT, 1));
    }

    function test_check_passAndFail() public {
        _init(MUX, ACCOUNT, CID, _transferConfig(100, 250, 1 ether));
        vm.assertEq(_check(MUX, ACCOUNT, CID, 1 ether, _transfer(RECIPIENT, 100)), 0, "ok");
        vm.assertEq(_check(MUX, ACCOUNT, CID, 0, _transfer(address(0xBAD), 1)), 1, "wrong recipient");
        vm.assertEq(_check(MUX, ACCOUNT, CID, 0, _transfer(RECIPIENT, 101)), 1, "amount too large");
        vm.assertEq(_check(MUX, ACCOUNT, CID, 0, _transfer(RECIPIENT, 100)), 0, "ok 2");
        vm.assertEq(_check(MUX, ACCOUNT, CID, 0, _transfer(RECIPIENT, 51)), 1, "cumulative 251 > 250");
        vm.assertEq(_check(MUX, ACCOUNT, CID, 0, _transfer(RECIPIENT, 50)), 0, "cumulative 250");
        vm.assertEq(_used(MUX, ACCOUNT, CID, 1), 250, "used 250");
        vm.assertEq(_check(MUX, ACCOUNT, CID, 0, _transfer(RECIPIENT, 0)), 0, "zero still fits");
        vm.assertEq(_check(MUX, ACCOUNT, CID, 0, _transfer(RECIPIENT, 1)), 1, "exhausted");
    }

    function test_check_valueAboveLimit_reverts() public {
        _init(MUX, ACCOUNT, CID, _transferConfig(100, 250, 1 ether));
        vm.expectRevert(abi.encodeWithSelector(UniActionPolicy.ValueLimitExceeded.selector, CID, 1 ether + 1, 1 ether));
        _check(MUX, ACCOUNT, CID, 1 ether + 1, _transfer(RECIPIENT, 1));
    }

    function test_check_offsetOutOfRange_reverts() public {
        ActionConfig memory cfg;
        cfg.paramRules.length = 1;
        cfg.paramRules.rules[0] = _rule(ParamCondition.EQUAL, 64, bytes32(0));
        _init(MUX, ACCOUNT, CID, cfg);
        bytes memory data = _transfer(RECIPIENT, 1); // 68 bytes: words at offsets 0 and 32 only
        vm.expectRevert(abi.encodeWithSelector(CalldataReader.ArgumentOutOfBounds.selector, 64, 68));
        _check(MUX, ACCOUNT, CID, 0, data);
        // A non-word-aligned offset that still fits is fine.
        cfg.paramRules.rules[0] = _rule(ParamCondition.EQUAL, 4, bytes32(uint256(1) << 0));
        _init(MUX, ACCOUNT, CID, cfg);
        bytes memory shifted = bytes.concat(_transfer(RECIPIENT, 0), hex"00000001");
        vm.assertEq(_check(MUX, ACCOUNT, CID, 0, shifted), 1, "unaligned read");
    }

    function test_check_failingLaterRule_leavesEarlierUsageInDirectCall() public {
        // Documented behaviour: SmartSession reverts on a failed policy, which rolls back earlier rules' writes.
        ActionConfig memory cfg;
        cfg.paramRules.length = 2;
        cfg.paramRules.rules[0] = _limitedRule(ParamCondition.GREATER_THAN_OR_EQUAL, 32, bytes32(0), 1000);
        cfg.paramRules.rules[1] = _rule(ParamCondition.EQUAL, 0, bytes32(uint256(uint160(RECIPIENT))));
        _init(MUX, ACCOUNT, CID, cfg);
        vm.assertEq(_check(MUX, ACCOUNT, CID, 0, _transfer(address(0xBAD), 10)), 1, "rule 1 fails");
        vm.assertEq(_used(MUX, ACCOUNT, CID, 0), 10, "rule 0 consumed (caller must revert)");
    }

    function test_check_inRange_inclusive() public {
        ActionConfig memory cfg;
        cfg.paramRules.length = 1;
        cfg.paramRules.rules[0] = _rule(ParamCondition.IN_RANGE, 32, bytes32((uint256(10) << 128) | 20));
        _init(MUX, ACCOUNT, CID, cfg);
        vm.assertEq(_check(MUX, ACCOUNT, CID, 0, _transfer(RECIPIENT, 9)), 1, "9");
        vm.assertEq(_check(MUX, ACCOUNT, CID, 0, _transfer(RECIPIENT, 10)), 0, "10");
        vm.assertEq(_check(MUX, ACCOUNT, CID, 0, _transfer(RECIPIENT, 20)), 0, "20");
        vm.assertEq(_check(MUX, ACCOUNT, CID, 0, _transfer(RECIPIENT, 21)), 1, "21");
        vm.assertEq(_check(MUX, ACCOUNT, CID, 0, _transfer(RECIPIENT, (uint256(1) << 128) | 15)), 1, "high bits");
    }

    function test_isolation_betweenKeys() public {
        ActionConfig memory cfg = _transferConfig(100, 100, 0);
        _init(MUX, ACCOUNT, CID, cfg);
        _init(MUX, ACCOUNT, CID2, cfg);
        _init(MUX2, ACCOUNT, CID, cfg);
        _init(MUX, ACCOUNT2, CID, cfg);
        vm.assertEq(_check(MUX, ACCOUNT, CID, 0, _transfer(RECIPIENT, 100)), 0, "spend all");
        vm.assertEq(_check(MUX, ACCOUNT, CID, 0, _transfer(RECIPIENT, 1)), 1, "exhausted");
        vm.assertEq(_used(MUX, ACCOUNT, CID2, 1), 0, "other config id untouched");
        vm.assertEq(_used(MUX2, ACCOUNT, CID, 1), 0, "other multiplexer untouched");
        vm.assertEq(_used(MUX, ACCOUNT2, CID, 1), 0, "other account untouched");
        vm.assertEq(_check(MUX, ACCOUNT, CID2, 0, _transfer(RECIPIENT, 100)), 0, "cid2");
        vm.assertEq(_check(MUX2, ACCOUNT, CID, 0, _transfer(RECIPIENT, 100)), 0, "mux2");
        vm.assertEq(_check(MUX, ACCOUNT2, CID, 0, _transfer(RECIPIENT, 100)), 0, "account2");
        // A foreign caller sees no config at all (it cannot consume MUX's limits).
        vm.expectRevert(abi.encodeWithSelector(IPolicy.PolicyNotInitialized.selector, CID, address(this), ACCOUNT));
        policy.checkAction(CID, ACCOUNT, TOKEN, 0, _transfer(RECIPIENT, 1));
    }

    function test_erc165() public view {
        _assertInterfaces(address(policy), false, true, false);
    }

    // ---------------------------------------------------------------- fuzz

    function _reference(uint8 c, uint256 param, uint256 ref) internal pure returns (bool) {
        if (c == 0) return param == ref;
        if (c == 1) return param > ref;
        if (c == 2) return param < ref;
        if (c == 3) return param >= ref;
        if (c == 4) return param <= ref;
        if (c == 5) return param != ref;
        uint256 lo = ref >> 128;
        uint256 hi = ref & type(uint128).max;
        return lo <= param && param <= hi;
    }

    function testFuzz_rule_matchesReference(uint8 cond, uint256 ref, uint256 param, uint8 wordOffset, uint8 nWords, uint256 mode)
        public
    {
        cond = uint8(bound(cond, 0, 6));
        nWords = uint8(bound(nWords, 1, 8));
        uint64 offset = uint64(bound(wordOffset, 0, uint256(nWords) * 32 + 8)); // may be out of range / unaligned
        // Bias param towards the reference so equality and range edges are exercised.
        mode = mode % 4;
        if (mode == 1) param = ref;
        else if (mode == 2) param = ref >> 128;
        else if (mode == 3) param = ref & type(uint128).max;

        bytes memory data = new bytes(4 + uint256(nWords) * 32);
        data[0] = 0x12;
        bool inRange = uint256(offset) + 36 <= data.length;
        if (inRange) {
            assembly {
                mstore(add(add(data, 0x24), offset), param)
            }
        }

        ActionConfig memory cfg;
        cfg.paramRules.length = 1;
        cfg.paramRules.rules[0] = _rule(ParamCondition(cond), offset, bytes32(ref));
        _init(MUX, ACCOUNT, CID, cfg);

        if (!inRange) {
            vm.expectRevert(abi.encodeWithSelector(CalldataReader.ArgumentOutOfBounds.selector, offset, data.length));
            _check(MUX, ACCOUNT, CID, 0, data);
            return;
        }
        uint256 expected = _reference(cond, param, ref) ? 0 : 1;
        vm.assertEq(_check(MUX, ACCOUNT, CID, 0, data), expected, "condition vs reference");
    }

    function testFuzz_cumulativeLimit(uint256 limit, uint256[6] memory amounts) public {
        limit = bound(limit, 0, type(uint128).max);
        ActionConfig memory cfg;
        cfg.paramRules.length = 1;
        cfg.paramRules.rules[0] = _limitedRule(ParamCondition.GREATER_THAN_OR_EQUAL, 0, bytes32(0), limit);
        _init(MUX, ACCOUNT, CID, cfg);
        uint256 used;
        for (uint256 i; i < amounts.length; ++i) {
            uint256 a = i % 2 == 0 ? bound(amounts[i], 0, limit / 2 + 1) : amounts[i];
            bool fits = a <= limit - used; // reference: used + a <= limit without overflow
            uint256 r = _check(MUX, ACCOUNT, CID, 0, abi.encodeWithSelector(0x12345678, a));
            vm.assertEq(r, fits ? 0 : 1, "fit decision");
            if (fits) used += a;
            vm.assertEq(_used(MUX, ACCOUNT, CID, 0), used, "stored used");
        }
    }

    function testFuzz_valueLimitPerUse(uint256 limit, uint256 value) public {
        ActionConfig memory cfg = _transferConfig(type(uint256).max, type(uint256).max, limit);
        _init(MUX, ACCOUNT, CID, cfg);
        if (value > limit) {
            vm.expectRevert(abi.encodeWithSelector(UniActionPolicy.ValueLimitExceeded.selector, CID, value, limit));
        }
        uint256 r = _check(MUX, ACCOUNT, CID, value, _transfer(RECIPIENT, 1));
        if (value <= limit) vm.assertEq(r, 0, "within value limit");
    }
}
