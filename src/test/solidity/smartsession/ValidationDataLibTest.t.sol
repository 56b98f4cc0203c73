// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {TestBase} from "../utils/TestBase.sol";
import {ValidationDataLib} from "../../../main/solidity/smartsession/lib/ValidationDataLib.sol";

/// @dev Validation-data intersection (spec §2.6) against a reference written from the spec text.
contract ValidationDataLibTest is TestBase {
    /// @dev Reference, deliberately written differently: unpacked fields, and the aggregator condition in the
    ///      spec's assembly form.
    function _reference(uint256 a, uint256 b) internal pure returns (uint256) {
        bool aggOk;
        assembly {
            let m := sub(shl(160, 1), 1)
            let s := add(a, b)
            aggOk := or(iszero(and(xor(a, b), m)), or(eq(shl(96, s), shl(96, a)), eq(shl(96, s), shl(96, b))))
        }
        if (!aggOk) return 1;
        uint256 agg = (a | b) % (1 << 160);
        uint256 afterA = a / (1 << 208);
        uint256 afterB = b / (1 << 208);
        uint256 untilA = (a / (1 << 160)) % (1 << 48);
        uint256 untilB = (b / (1 << 160)) % (1 << 48);
        if (untilA == 0) untilA = type(uint48).max;
        if (untilB == 0) untilB = type(uint48).max;
        uint256 validAfter = afterA > afterB ? afterA : afterB;
        uint256 validUntil = untilA < untilB ? untilA : untilB;
        return agg + validUntil * (1 << 160) + validAfter * (1 << 208);
    }

    function testFuzz_intersectMatchesReference(uint256 a, uint256 b, uint8 shape) public pure {
        // steer the aggregator parts into the interesting cases: 0, 1, equal, different
        uint256 high = ~uint256(type(uint160).max);
        if (shape % 4 == 0) a &= high;
        if (shape % 5 == 0) b &= high;
        if (shape % 3 == 0) b = (b & high) | (a & type(uint160).max);
        if (shape % 7 == 0) a = (a & high) | 1;
        if (shape % 11 == 0) {
            a &= ~(uint256(type(uint48).max) << 160); // validUntil 0 = infinite
        }
        vm.assertEq(ValidationDataLib.intersect(a, b), _reference(a, b), "intersect");
        vm.assertEq(ValidationDataLib.intersect(a, b), ValidationDataLib.intersect(b, a), "commutative");
    }

    function test_knownValues() public pure {
        vm.assertEq(ValidationDataLib.intersect(0, 0), uint256(0xffffffffffff) << 160, "intersect(0,0)");
        vm.assertEq(ValidationDataLib.intersect(1, 1), (uint256(0xffffffffffff) << 160) | 1, "failed stays failed");
        vm.assertEq(ValidationDataLib.intersect(1, 2), 1, "different aggregators");
        uint256 a = (uint256(100) << 208) | (uint256(1000) << 160);
        uint256 b = (uint256(200) << 208) | (uint256(900) << 160);
        vm.assertEq(ValidationDataLib.intersect(a, b), (uint256(200) << 208) | (uint256(900) << 160), "window");
    }
}
