// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {E2EBase} from "./E2EBase.sol";
import {UserOpBuilder} from "../utils/UserOpBuilder.sol";
import {IERC1271} from "@openzeppelin/contracts/interfaces/IERC1271.sol";
import {LatchkeyAccount} from "../../../main/solidity/account/LatchkeyAccount.sol";
import {ISmartSession} from "../../../main/solidity/smartsession/interfaces/ISmartSession.sol";
import "../../../main/solidity/smartsession/DataTypes.sol";

/// @dev ERC-1271 session signatures through the real account (spec §2.7):
///      account.isValidSignature(hash, SmartSession ‖ permissionId ‖ sessionSig ‖ appDomainSeparator ‖ contentsHash
///      ‖ contentsDescription ‖ uint16(len)) with an ERC-7739 nested TypedDataSign over the ACCOUNT's ERC-5267 domain.
contract ERC1271E2E is E2EBase {
    bytes32 internal constant APP_DOMAIN = keccak256("some dapp's EIP-712 domain separator");
    string internal constant MAIL_TYPE = "Mail(address to,string contents)";
    bytes32 internal constant CONTENTS = keccak256("hashStruct(Mail)");
    bytes4 internal constant MAGIC = 0x1626ba7e;
    bytes4 internal constant INVALID = 0xffffffff;

    PermissionId internal pid;
    uint48 internal until;

    function setUp() public override {
        super.setUp();
        _deployAccount();
        until = uint48(block.timestamp + 1 days);
        Session memory s = _ecdsaSession(sessionKey, "erc1271");
        s.erc7739Policies.allowedERC7739Content = new ERC7739Context[](1);
        s.erc7739Policies.allowedERC7739Content[0].appDomainSeparator = APP_DOMAIN;
        s.erc7739Policies.allowedERC7739Content[0].contentNames = new string[](1);
        s.erc7739Policies.allowedERC7739Content[0].contentNames[0] = MAIL_TYPE;
        s.erc7739Policies.erc1271Policies = _pol(address(timeFrame), abi.encodePacked(until, uint48(0)));
        s.actions = _act(address(usdc), TRANSFER, _pol(address(sudo), ""));
        pid = _enableViaOwner(s);
    }

    /// @dev The app's hash the dapp asks the account to validate.
    function _appHash() internal pure returns (bytes32) {
        return keccak256(abi.encodePacked(hex"1901", APP_DOMAIN, CONTENTS));
    }

    /// @dev The ERC-7739 TypedDataSign hash the session key signs, built from the account's domain as documented
    ///      (name "Latchkey", version "1", chainId, verifyingContract = account, salt 0).
    function _finalHash(string memory contentsName, string memory contentsType) internal view returns (bytes32) {
        bytes32 typeHash = keccak256(
            abi.encodePacked(
                "TypedDataSign(",
                contentsName,
                " contents,string name,string version,uint256 chainId,address verifyingContract,bytes32 salt)",
                contentsType
            )
        );
        bytes32 structHash = keccak256(
            abi.encode(typeHash, CONTENTS, keccak256("Latchkey"), keccak256("1"), block.chainid, account, bytes32(0))
        );
        return keccak256(abi.encodePacked(hex"1901", APP_DOMAIN, structHash));
    }

    function _nested(address module, PermissionId p, bytes memory sig, string memory desc)
        internal
        pure
        returns (bytes memory)
    {
        return abi.encodePacked(
            module, PermissionId.unwrap(p), sig, APP_DOMAIN, CONTENTS, desc, uint16(bytes(desc).length)
        );
    }

    function _sessionSig(uint256 pk) internal view returns (bytes memory) {
        return _nested(
            address(smartSession), pid, UserOpBuilder.signRaw(pk, _finalHash("Mail", MAIL_TYPE)), MAIL_TYPE
        );
    }

    function _isValid(bytes32 hash, bytes memory sig) internal view returns (bytes4) {
        return IERC1271(account).isValidSignature(hash, sig);
    }

    function test_domainIsTheAccounts() public view {
        (bytes1 fields, string memory name, string memory version, uint256 chainId, address vc, bytes32 salt,) =
            LatchkeyAccount(payable(account)).eip712Domain();
        vm.assertEq(uint8(fields), 0x0f, "fields");
        vm.assertEq(name, "Latchkey", "name");
        vm.assertEq(version, "1", "version");
        vm.assertEq(chainId, block.chainid, "chainId");
        vm.assertEq(vc, account, "verifyingContract = clone");
        vm.assertEq(salt, bytes32(0), "salt");
        vm.assertTrue(
            smartSession.isERC7739ContentEnabled(account, pid, APP_DOMAIN, MAIL_TYPE), "content enabled"
        );
    }

    function test_sessionSignatureValid() public view {
        vm.assertEq(uint32(_isValid(_appHash(), _sessionSig(sessionKeyPk))), uint32(MAGIC), "magic");
    }

    function test_ownerSignatureStillValid() public view {
        // control: the owner validator path (OwnableValidator ‖ raw sig over the hash)
        bytes memory sig = abi.encodePacked(address(ownable), UserOpBuilder.signRaw(ownerKey, _appHash()));
        vm.assertEq(uint32(_isValid(_appHash(), sig)), uint32(MAGIC), "owner magic");
    }

    function test_wrongSessionKeyInvalid() public view {
        (, uint256 mallory) = makeKey("mallory");
        vm.assertEq(uint32(_isValid(_appHash(), _sessionSig(mallory))), uint32(INVALID), "wrong key");
    }

    function test_otherHashInvalid() public view {
        vm.assertEq(uint32(_isValid(keccak256("other"), _sessionSig(sessionKeyPk))), uint32(INVALID), "hash");
    }

    function test_contentNotEnabledInvalid() public view {
        string memory desc = "Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)";
        bytes memory sig = _nested(
            address(smartSession), pid, UserOpBuilder.signRaw(sessionKeyPk, _finalHash("Permit", desc)), desc
        );
        vm.assertEq(uint32(_isValid(_appHash(), sig)), uint32(INVALID), "Permit not enabled");
    }

    function test_signedOverAnotherDomainInvalid() public {
        // a signature made for chain 1 does not verify on another chain (the account's domain binds the chain id)
        bytes memory sig = _sessionSig(sessionKeyPk);
        vm.chainId(block.chainid + 1);
        vm.assertEq(uint32(_isValid(_appHash(), sig)), uint32(INVALID), "other chain");
    }

    function test_routedToWrongValidatorInvalid() public view {
        bytes memory sig = _sessionSig(sessionKeyPk);
        // same payload, but routed to OwnableValidator (session key is not an owner)
        bytes memory rerouted = bytes.concat(bytes20(address(ownable)), _slice(sig, 20));
        vm.assertEq(uint32(_isValid(_appHash(), rerouted)), uint32(INVALID), "owner validator refuses");
    }

    function test_erc1271PolicyEnforced() public {
        vm.warp(uint256(until) - 1); // TimeFrame 1271: valid while now < validUntil
        vm.assertEq(uint32(_isValid(_appHash(), _sessionSig(sessionKeyPk))), uint32(MAGIC), "last valid second");
        vm.warp(until);
        vm.assertEq(uint32(_isValid(_appHash(), _sessionSig(sessionKeyPk))), uint32(INVALID), "expired by policy");
    }

    function test_removedSessionInvalid() public {
        _handle(_ownerOp("", _callSmartSession(abi.encodeCall(ISmartSession.removeSession, (pid)))));
        vm.assertEq(uint32(_isValid(_appHash(), _sessionSig(sessionKeyPk))), uint32(INVALID), "removed");
    }

    function _slice(bytes memory b, uint256 from) internal pure returns (bytes memory out) {
        out = new bytes(b.length - from);
        for (uint256 i; i < out.length; ++i) {
            out[i] = b[from + i];
        }
    }
}
