// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {TestBase} from "../utils/TestBase.sol";
import {UserOpBuilder} from "../utils/UserOpBuilder.sol";
import {LibSort} from "solady/utils/LibSort.sol";
import {PackedUserOperation} from "@openzeppelin/contracts/interfaces/IERC4337.sol";
import {OwnableValidator} from "../../../main/solidity/validators/OwnableValidator.sol";
import {SignatureCheck} from "../../../main/solidity/validators/lib/SignatureCheck.sol";
import {MockERC1271Signer} from "./fixtures/MockERC1271Signer.sol";

contract OwnableValidatorTest is TestBase {
    OwnableValidator internal validator;
    MockERC1271Signer internal contractSigner;

    address[] internal owners; // sorted
    uint256[] internal ownerKeys; // aligned with owners
    uint256 internal strangerKey;
    address internal account = address(0xACC0);

    bytes32 internal constant HASH = keccak256("latchkey test hash");

    function setUp() public {
        validator = new OwnableValidator();
        contractSigner = new MockERC1271Signer();
        (address a, uint256 ka) = makeKey("alice");
        (address b, uint256 kb) = makeKey("bob");
        (address c, uint256 kc) = makeKey("carol");
        (, strangerKey) = makeKey("stranger");
        address[3] memory as_ = [a, b, c];
        uint256[3] memory ks = [ka, kb, kc];
        // insertion sort by address
        for (uint256 i = 0; i < 3; ++i) {
            for (uint256 j = i + 1; j < 3; ++j) {
                if (as_[j] < as_[i]) {
                    (as_[i], as_[j]) = (as_[j], as_[i]);
                    (ks[i], ks[j]) = (ks[j], ks[i]);
                }
            }
        }
        for (uint256 i = 0; i < 3; ++i) {
            owners.push(as_[i]);
            ownerKeys.push(ks[i]);
        }
    }

    function _config(uint256 threshold, address[] memory list) internal pure returns (bytes memory) {
        return abi.encode(threshold, list);
    }

    function _raw(uint256 key, bytes32 h) internal pure returns (bytes memory) {
        return UserOpBuilder.signRaw(key, h);
    }

    function _v4(uint256 key, bytes32 h) internal pure returns (bytes memory) {
        return UserOpBuilder.signPersonalV4(key, h);
    }

    /* ----------------------------- module metadata ----------------------------- */

    function test_moduleTypes() public view {
        vm.assertTrue(validator.isModuleType(1), "type 1");
        vm.assertTrue(validator.isModuleType(7), "type 7");
        vm.assertFalse(validator.isModuleType(2), "type 2");
        vm.assertEq(validator.MAX_OWNERS(), 32, "max owners");
    }

    /* --------------------------- stateless (type 7) ---------------------------- */

    function test_session_rawV27_28() public view {
        vm.assertTrue(validator.validateSignatureWithData(HASH, _raw(ownerKeys[0], HASH), _config(1, owners)), "raw");
        // a second owner with a likely different v
        vm.assertTrue(validator.validateSignatureWithData(HASH, _raw(ownerKeys[1], HASH), _config(1, owners)), "raw2");
    }

    function test_session_personalSignVPlus4() public view {
        bytes memory sig = _v4(ownerKeys[2], HASH);
        vm.assertTrue(uint8(sig[64]) == 31 || uint8(sig[64]) == 32, "v is 31/32");
        vm.assertTrue(validator.validateSignatureWithData(HASH, sig, _config(1, owners)), "personal v+4");
        // personal_sign with v=27/28 is NOT accepted over the raw hash
        bytes memory plain = UserOpBuilder.signPersonal(ownerKeys[2], HASH);
        vm.assertFalse(validator.validateSignatureWithData(HASH, plain, _config(1, owners)), "personal v27 over raw");
    }

    function test_session_contractSigner() public {
        bytes memory inner = hex"c0ffee";
        contractSigner.approve(HASH, inner);
        address[] memory list = new address[](1);
        list[0] = address(contractSigner);
        bytes memory sig = abi.encodePacked(
            bytes32(uint256(uint160(address(contractSigner)))), bytes32(uint256(65)), uint8(0), uint256(inner.length), inner
        );
        vm.assertTrue(validator.validateSignatureWithData(HASH, sig, _config(1, list)), "contract signer");

        // wrong blob: the signer says no -> revert
        bytes memory bad = abi.encodePacked(
            bytes32(uint256(uint160(address(contractSigner)))), bytes32(uint256(65)), uint8(0), uint256(2), hex"dead"
        );
        vm.expectRevert(abi.encodeWithSelector(SignatureCheck.WrongContractSignature.selector, hex"dead"));
        validator.validateSignatureWithData(HASH, bad, _config(1, list));
    }

    function test_session_contractSigner_badOffset_reverts() public {
        address[] memory list = new address[](1);
        list[0] = address(contractSigner);
        // offset points inside the static part
        bytes memory sig = abi.encodePacked(
            bytes32(uint256(uint160(address(contractSigner)))), bytes32(uint256(0)), uint8(0), uint256(0)
        );
        vm.expectPartialRevert(SignatureCheck.WrongContractSignatureFormat.selector);
        validator.validateSignatureWithData(HASH, sig, _config(1, list));
        // length beyond the blob
        sig = abi.encodePacked(
            bytes32(uint256(uint160(address(contractSigner)))), bytes32(uint256(65)), uint8(0), uint256(100), hex"00"
        );
        vm.expectPartialRevert(SignatureCheck.WrongContractSignatureFormat.selector);
        validator.validateSignatureWithData(HASH, sig, _config(1, list));
    }

    function test_session_mixedFormsAnyOrder_3of3() public {
        // owners[0] raw, owners[1] personal v+4, plus a contract signer; config has 4 owners, threshold 3
        bytes memory inner = hex"01020304";
        contractSigner.approve(HASH, inner);
        address[] memory list = new address[](4);
        for (uint256 i; i < 3; ++i) list[i] = owners[i];
        list[3] = address(contractSigner);
        LibSort.sort(list);
        bytes memory sig = abi.encodePacked(
            _v4(ownerKeys[1], HASH),
            bytes32(uint256(uint160(address(contractSigner)))),
            bytes32(uint256(195)),
            uint8(0),
            _raw(ownerKeys[0], HASH)
        );
        sig = abi.encodePacked(sig, uint256(inner.length), inner);
        vm.assertTrue(validator.validateSignatureWithData(HASH, sig, _config(3, list)), "mixed 3-of-4");
    }

    function test_session_2of3_anyOrder() public view {
        bytes memory sig = abi.encodePacked(_raw(ownerKeys[2], HASH), _raw(ownerKeys[0], HASH));
        vm.assertTrue(validator.validateSignatureWithData(HASH, sig, _config(2, owners)), "reverse order");
        sig = abi.encodePacked(_raw(ownerKeys[0], HASH), _v4(ownerKeys[2], HASH));
        vm.assertTrue(validator.validateSignatureWithData(HASH, sig, _config(2, owners)), "forward mixed");
    }

    function test_session_duplicatesDoNotCountTwice() public view {
        bytes memory one = _raw(ownerKeys[0], HASH);
        vm.assertFalse(validator.validateSignatureWithData(HASH, abi.encodePacked(one, one), _config(2, owners)), "dup");
        // same key, two different forms, still one signer
        bytes memory sig = abi.encodePacked(one, _v4(ownerKeys[0], HASH));
        vm.assertFalse(validator.validateSignatureWithData(HASH, sig, _config(2, owners)), "dup forms");
    }

    function test_session_thresholdNotMet() public view {
        bytes memory sig = abi.encodePacked(_raw(ownerKeys[0], HASH), _raw(strangerKey, HASH));
        vm.assertFalse(validator.validateSignatureWithData(HASH, sig, _config(2, owners)), "stranger");
        // extra chunks beyond threshold are ignored
        sig = abi.encodePacked(_raw(strangerKey, HASH), _raw(ownerKeys[0], HASH));
        vm.assertFalse(validator.validateSignatureWithData(HASH, sig, _config(1, owners)), "only first chunk read");
    }

    function test_session_wrongHash() public view {
        bytes memory sig = _raw(ownerKeys[0], keccak256("other"));
        vm.assertFalse(validator.validateSignatureWithData(HASH, sig, _config(1, owners)), "wrong hash");
    }

    function test_session_invalidSignatureRecoversZero() public view {
        // garbage r/s -> address(0) -> not an owner, no revert
        bytes memory sig = abi.encodePacked(bytes32(0), bytes32(0), uint8(27));
        vm.assertFalse(validator.validateSignatureWithData(HASH, sig, _config(1, owners)), "zero");
    }

    function test_session_unsortedConfigFalse() public view {
        address[] memory list = new address[](3);
        list[0] = owners[1];
        list[1] = owners[0];
        list[2] = owners[2];
        bytes memory sig = _raw(ownerKeys[0], HASH);
        vm.assertFalse(validator.validateSignatureWithData(HASH, sig, _config(1, list)), "unsorted");
        list[1] = owners[1]; // duplicate
        vm.assertFalse(validator.validateSignatureWithData(HASH, sig, _config(1, list)), "duplicate");
    }

    /// @dev module-sdk `getOwnableValidatorMockSignature` (spec §4.1) repeated `threshold` times: used for gas
    ///      estimation, so it must be rejected without reverting.
    function test_session_mockSignatureFalseNoRevert() public view {
        bytes memory mock =
            hex"e8b94748580ca0b4993c9a1b86b5be851bfc076ff5ce3a1ff65bf16392acfcb800f9b4f1aef1555c7fce5599fffb17e7c635502154a0333ba21f3ae491839af51c";
        vm.assertFalse(validator.validateSignatureWithData(HASH, mock, _config(1, owners)), "1x mock");
        vm.assertFalse(
            validator.validateSignatureWithData(HASH, abi.encodePacked(mock, mock), _config(2, owners)), "2x mock"
        );
    }

    function test_session_thresholdZeroFalse() public view {
        vm.assertFalse(validator.validateSignatureWithData(HASH, "", _config(0, owners)), "threshold 0");
    }

    function test_session_shortSignatureReverts() public {
        bytes memory sig = _raw(ownerKeys[0], HASH);
        vm.expectRevert(SignatureCheck.InvalidSignature.selector);
        validator.validateSignatureWithData(HASH, sig, _config(2, owners));
        vm.expectRevert(SignatureCheck.InvalidSignature.selector);
        validator.validateSignatureWithData(HASH, hex"1234", _config(1, owners));
    }

    /* ---------------------------- account (type 1) ---------------------------- */

    function _install(uint256 threshold) internal {
        vm.prank(account);
        validator.onInstall(_config(threshold, owners));
    }

    function _op(bytes memory sig) internal view returns (PackedUserOperation memory op) {
        op = UserOpBuilder.build(account, 0, "", "");
        op.signature = sig;
    }

    function test_account_installAndQuery() public {
        _install(2);
        vm.assertTrue(validator.isInitialized(account), "initialized");
        vm.assertEq(validator.threshold(account), 2, "threshold");
        vm.assertEq(validator.ownerCount(account), 3, "count");
        address[] memory got = validator.getOwners(account);
        vm.assertEq(got.length, 3, "owners len");
        for (uint256 i; i < 3; ++i) vm.assertTrue(validator.isOwner(account, owners[i]), "isOwner");
        vm.prank(account);
        vm.expectRevert(abi.encodeWithSelector(OwnableValidator.ModuleAlreadyInitialized.selector, account));
        validator.onInstall(_config(1, owners));
    }

    function test_account_installRejectsBadConfig() public {
        address[] memory unsorted = new address[](2);
        unsorted[0] = owners[1];
        unsorted[1] = owners[0];
        vm.prank(account);
        vm.expectRevert(OwnableValidator.OwnersNotSortedOrUnique.selector);
        validator.onInstall(_config(1, unsorted));

        vm.prank(account);
        vm.expectRevert(abi.encodeWithSelector(OwnableValidator.InvalidThreshold.selector, 4, 3));
        validator.onInstall(_config(4, owners));

        vm.prank(account);
        vm.expectRevert(abi.encodeWithSelector(OwnableValidator.InvalidThreshold.selector, 0, 3));
        validator.onInstall(_config(0, owners));

        address[] memory many = new address[](33);
        for (uint256 i; i < 33; ++i) many[i] = address(bytes20(keccak256(abi.encode(i))));
        vm.prank(account);
        LibSort.sort(many);
        vm.expectRevert(abi.encodeWithSelector(OwnableValidator.MaxOwnersReached.selector, 33));
        validator.onInstall(_config(1, many));

        address[] memory withZero = new address[](2);
        withZero[0] = address(0);
        withZero[1] = owners[0];
        vm.prank(account);
        vm.expectRevert(abi.encodeWithSelector(OwnableValidator.InvalidOwner.selector, address(0)));
        validator.onInstall(_config(1, withZero));
    }

    function test_account_validateUserOp_personalSign() public {
        _install(1);
        bytes32 userOpHash = keccak256("userOpHash");
        PackedUserOperation memory op = _op(UserOpBuilder.signPersonal(ownerKeys[1], userOpHash));
        vm.prank(account);
        vm.assertEq(validator.validateUserOp(op, userOpHash), 0, "personal ok");
        // a raw signature over the userOpHash is not what the account path checks
        op.signature = _raw(ownerKeys[1], userOpHash);
        vm.prank(account);
        vm.assertEq(validator.validateUserOp(op, userOpHash), 1, "raw fails");
        // another account (not installed) fails
        op.signature = UserOpBuilder.signPersonal(ownerKeys[1], userOpHash);
        vm.prank(address(0xBEEF));
        vm.assertEq(validator.validateUserOp(op, userOpHash), 1, "not installed");
    }

    function test_account_isValidSignatureWithSender_rawHash() public {
        _install(2);
        bytes memory sig = abi.encodePacked(_raw(ownerKeys[2], HASH), _v4(ownerKeys[1], HASH));
        vm.prank(account);
        vm.assertEq(bytes32(validator.isValidSignatureWithSender(address(this), HASH, sig)), bytes32(bytes4(0x1626ba7e)), "ok");
        sig = abi.encodePacked(_raw(ownerKeys[2], HASH), _raw(strangerKey, HASH));
        vm.prank(account);
        vm.assertEq(bytes32(validator.isValidSignatureWithSender(address(this), HASH, sig)), bytes32(bytes4(0xffffffff)), "bad");
    }

    function test_account_ownerManagement() public {
        _install(2);
        (address dave, uint256 daveKey) = makeKey("dave");
        vm.startPrank(account);
        validator.addOwner(dave);
        vm.assertEq(validator.ownerCount(account), 4, "count 4");
        vm.expectRevert(abi.encodeWithSelector(OwnableValidator.OwnerAlreadyExists.selector, dave));
        validator.addOwner(dave);
        validator.removeOwner(owners[0]);
        vm.assertFalse(validator.isOwner(account, owners[0]), "removed");
        vm.expectRevert(abi.encodeWithSelector(OwnableValidator.OwnerNotFound.selector, owners[0]));
        validator.removeOwner(owners[0]);
        validator.setThreshold(3);
        vm.expectRevert(abi.encodeWithSelector(OwnableValidator.InvalidThreshold.selector, 3, 2));
        validator.removeOwner(owners[1]);
        vm.expectRevert(abi.encodeWithSelector(OwnableValidator.InvalidThreshold.selector, 4, 3));
        validator.setThreshold(4);
        validator.setThreshold(1);
        vm.stopPrank();

        vm.prank(account);
        vm.assertEq(
            bytes32(validator.isValidSignatureWithSender(address(this), HASH, _raw(daveKey, HASH))),
            bytes32(bytes4(0x1626ba7e)),
            "new owner signs"
        );
        vm.prank(account);
        vm.assertEq(
            bytes32(validator.isValidSignatureWithSender(address(this), HASH, _raw(ownerKeys[0], HASH))),
            bytes32(bytes4(0xffffffff)),
            "removed owner cannot"
        );
    }

    function test_account_uninstallClears() public {
        _install(1);
        vm.prank(account);
        validator.onUninstall("");
        vm.assertFalse(validator.isInitialized(account), "uninit");
        vm.assertEq(validator.ownerCount(account), 0, "count");
        for (uint256 i; i < 3; ++i) vm.assertFalse(validator.isOwner(account, owners[i]), "owner cleared");
        vm.prank(account);
        vm.assertEq(
            bytes32(validator.isValidSignatureWithSender(address(this), HASH, _raw(ownerKeys[0], HASH))),
            bytes32(bytes4(0xffffffff)),
            "no longer valid"
        );
        // can be reinstalled
        _install(3);
        vm.assertEq(validator.threshold(account), 3, "reinstalled");
    }

    function test_account_managementRequiresInstall() public {
        vm.prank(account);
        vm.expectRevert(abi.encodeWithSelector(OwnableValidator.NotInitialized.selector, account));
        validator.addOwner(address(0x1234));
    }

    /* ---------------------------------- fuzz ---------------------------------- */

    /// @dev Random owner set (1..8), threshold (1..n), number of owner signatures k (0..n), random signature forms
    ///      and order; padding chunks come from non-owners. Valid iff k >= threshold. Both the stateless path and
    ///      the installed account path must agree.
    function testFuzz_thresholdCombinations(uint256 seed, uint256 nOwners, uint256 thr, uint256 k, uint256 forms)
        public
    {
        nOwners = bound(nOwners, 1, 8);
        thr = bound(thr, 1, nOwners);
        k = bound(k, 0, nOwners);
        (address[] memory list, uint256[] memory keys) = _fuzzOwners(seed, nOwners);
        bytes32 h = keccak256(abi.encode("fuzz", seed));
        bytes memory sig = _fuzzSignature(seed, h, keys, thr, k < thr ? k : thr, forms);
        bool expected = k >= thr;
        vm.assertEq(validator.validateSignatureWithData(h, sig, _config(thr, list)), expected, "stateless");

        address acct = address(uint160(uint256(keccak256(abi.encode("acct", seed)))));
        vm.prank(acct);
        validator.onInstall(_config(thr, list));
        vm.prank(acct);
        bytes4 magic = validator.isValidSignatureWithSender(address(this), h, sig);
        vm.assertEq(magic == bytes4(0x1626ba7e), expected, "account path");
    }

    function _fuzzOwners(uint256 seed, uint256 n) internal pure returns (address[] memory list, uint256[] memory keys) {
        list = new address[](n);
        keys = new uint256[](n);
        for (uint256 i; i < n; ++i) {
            keys[i] = (uint256(keccak256(abi.encode(seed, i))) % (SECP256K1_N - 1)) + 1;
            list[i] = vm.addr(keys[i]);
        }
        for (uint256 i; i < n; ++i) {
            for (uint256 j = i + 1; j < n; ++j) {
                if (list[j] < list[i]) {
                    (list[i], list[j]) = (list[j], list[i]);
                    (keys[i], keys[j]) = (keys[j], keys[i]);
                }
            }
        }
    }

    /// @dev `thr` chunks: `signing` owner signatures (raw or v+4 by bit), the rest from strangers, optionally reversed.
    function _fuzzSignature(uint256 seed, bytes32 h, uint256[] memory keys, uint256 thr, uint256 signing, uint256 forms)
        internal
        pure
        returns (bytes memory sig)
    {
        bool reverse = forms & 1 == 1;
        for (uint256 c; c < thr; ++c) {
            uint256 idx = reverse ? thr - 1 - c : c;
            bytes memory chunk;
            if (idx < signing) {
                chunk = (forms >> (idx + 1)) & 1 == 1 ? _v4(keys[idx], h) : _raw(keys[idx], h);
            } else {
                uint256 strangerK = (uint256(keccak256(abi.encode("stranger", seed, idx))) % (SECP256K1_N - 1)) + 1;
                chunk = _raw(strangerK, h);
            }
            sig = abi.encodePacked(sig, chunk);
        }
    }
}
