// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {ECDSA} from "solady/utils/ECDSA.sol";
import {LibSort} from "solady/utils/LibSort.sol";
import {PackedUserOperation} from "@openzeppelin/contracts/interfaces/IERC4337.sol";
import {IERC7579Validator, MODULE_TYPE_VALIDATOR} from "@openzeppelin/contracts/interfaces/draft-IERC7579.sol";
import {ISessionValidator} from "../smartsession/interfaces/ISessionValidator.sol";
import {SignatureCheck} from "./lib/SignatureCheck.sol";

/// @title OwnableValidator
/// @notice ECDSA threshold (m-of-n) validator, usable both as an ERC-7579 account validator (module type 1, with
///         per-account owner storage) and as a stateless Smart Sessions session validator (module type 7, where the
///         config arrives with every call).
/// @dev Config: `abi.encode(uint256 threshold, address[] owners)`, owners strictly ascending.
///      Signatures: `threshold` concatenated 65-byte chunks, see {SignatureCheck}.
///      - account `validateUserOp`: signed hash = `toEthSignedMessageHash(userOpHash)` (so a plain v=27/28 signature of
///        `personal_sign(userOpHash)` works);
///      - account `isValidSignatureWithSender`: the raw hash;
///      - session `validateSignatureWithData`: the raw hash (session keys sign raw or personal_sign with v+4).
///      Per-account storage uses only account-associated slots (ERC-7562): `owner => account => next` linked list and
///      `account => threshold/count` mappings.
contract OwnableValidator is IERC7579Validator, ISessionValidator {
    /// @notice Maximum number of owners per account.
    uint256 public constant MAX_OWNERS = 32;
    /// @dev Module type id of a stateless (session) validator, ERC-7780.
    uint256 internal constant MODULE_TYPE_STATELESS_VALIDATOR = 7;
    /// @dev Linked list sentinel.
    address internal constant SENTINEL = address(1);
    bytes4 internal constant ERC1271_MAGIC = 0x1626ba7e;
    bytes4 internal constant ERC1271_INVALID = 0xffffffff;

    /// @dev `onInstall` on an already initialized account.
    error ModuleAlreadyInitialized(address account);
    /// @dev A call that needs an initialized account on an uninitialized one.
    error NotInitialized(address account);
    /// @dev Threshold is zero or exceeds the owner count.
    error InvalidThreshold(uint256 threshold, uint256 ownerCount);
    /// @dev Owners are not strictly ascending.
    error OwnersNotSortedOrUnique();
    /// @dev More than {MAX_OWNERS} owners.
    error MaxOwnersReached(uint256 count);
    /// @dev Owner is `address(0)` or the sentinel.
    error InvalidOwner(address owner);
    /// @dev Owner already present.
    error OwnerAlreadyExists(address owner);
    /// @dev Owner not present.
    error OwnerNotFound(address owner);

    /// @notice Emitted when an account's owner is added.
    event OwnerAdded(address indexed account, address indexed owner);
    /// @notice Emitted when an account's owner is removed.
    event OwnerRemoved(address indexed account, address indexed owner);
    /// @notice Emitted when an account's threshold changes.
    event ThresholdSet(address indexed account, uint256 threshold);
    /// @notice Emitted on install.
    event ModuleInitialized(address indexed account);
    /// @notice Emitted on uninstall.
    event ModuleUninitialized(address indexed account);

    /// @notice Signature threshold of `account` (0 = not installed).
    mapping(address account => uint256) public threshold;
    /// @notice Number of owners of `account`.
    mapping(address account => uint256) public ownerCount;
    /// @dev Singly linked owner list: SENTINEL -> o1 -> ... -> SENTINEL, keyed owner-first so slots are associated
    ///      with the account.
    mapping(address owner => mapping(address account => address next)) internal _ownerList;

    /*//////////////////////////////////////////////////////////////
                                 CONFIG
    //////////////////////////////////////////////////////////////*/

    /// @notice Installs the validator for `msg.sender` (the account).
    /// @param data `abi.encode(uint256 threshold, address[] owners)`, owners strictly ascending, 1..32 owners,
    ///        1 <= threshold <= owners.length.
    function onInstall(bytes calldata data) external override {
        address account = msg.sender;
        if (isInitialized(account)) revert ModuleAlreadyInitialized(account);
        (uint256 threshold_, address[] memory owners) = abi.decode(data, (uint256, address[]));
        uint256 n = owners.length;
        if (n > MAX_OWNERS) revert MaxOwnersReached(n);
        if (!LibSort.isSortedAndUniquified(owners)) revert OwnersNotSortedOrUnique();
        if (threshold_ == 0 || threshold_ > n) revert InvalidThreshold(threshold_, n);
        for (uint256 i; i < n; ++i) {
            _insertOwner(account, owners[i]);
        }
        ownerCount[account] = n;
        threshold[account] = threshold_;
        emit ThresholdSet(account, threshold_);
        emit ModuleInitialized(account);
    }

    /// @notice Uninstalls the validator for `msg.sender`, deleting all its owners and the threshold.
    /// @dev `data` is ignored.
    function onUninstall(bytes calldata) external override {
        address account = msg.sender;
        address cur = _ownerList[SENTINEL][account];
        while (cur != SENTINEL && cur != address(0)) {
            address next = _ownerList[cur][account];
            delete _ownerList[cur][account];
            cur = next;
        }
        delete _ownerList[SENTINEL][account];
        delete threshold[account];
        delete ownerCount[account];
        emit ModuleUninitialized(account);
    }

    /// @notice Whether the validator is installed for `account`.
    /// @param account The smart account.
    /// @return True when a threshold is set.
    function isInitialized(address account) public view returns (bool) {
        return threshold[account] != 0;
    }

    /// @notice ERC-7579 module type check: validator (1) and stateless validator (7).
    /// @param moduleTypeId The queried type id.
    /// @return True for 1 and 7.
    function isModuleType(uint256 moduleTypeId) external pure override returns (bool) {
        return moduleTypeId == MODULE_TYPE_VALIDATOR || moduleTypeId == MODULE_TYPE_STATELESS_VALIDATOR;
    }

    /// @notice Sets the threshold of the calling account.
    /// @param threshold_ New threshold, 1..ownerCount.
    function setThreshold(uint256 threshold_) external {
        address account = msg.sender;
        if (!isInitialized(account)) revert NotInitialized(account);
        uint256 n = ownerCount[account];
        if (threshold_ == 0 || threshold_ > n) revert InvalidThreshold(threshold_, n);
        threshold[account] = threshold_;
        emit ThresholdSet(account, threshold_);
    }

    /// @notice Adds an owner to the calling account.
    /// @param owner The new owner (not 0, not the sentinel, not present).
    function addOwner(address owner) external {
        address account = msg.sender;
        if (!isInitialized(account)) revert NotInitialized(account);
        uint256 n = ownerCount[account] + 1;
        if (n > MAX_OWNERS) revert MaxOwnersReached(n);
        _insertOwner(account, owner);
        ownerCount[account] = n;
    }

    /// @notice Removes an owner from the calling account; the remaining owners must still reach the threshold.
    /// @param owner The owner to remove.
    function removeOwner(address owner) external {
        address account = msg.sender;
        if (!isInitialized(account)) revert NotInitialized(account);
        if (owner == address(0) || owner == SENTINEL || _ownerList[owner][account] == address(0)) {
            revert OwnerNotFound(owner);
        }
        uint256 n = ownerCount[account] - 1;
        if (n < threshold[account]) revert InvalidThreshold(threshold[account], n);
        address prev = SENTINEL;
        address cur = _ownerList[SENTINEL][account];
        while (cur != owner) {
            prev = cur;
            cur = _ownerList[cur][account];
        }
        _ownerList[prev][account] = _ownerList[owner][account];
        delete _ownerList[owner][account];
        ownerCount[account] = n;
        emit OwnerRemoved(account, owner);
    }

    /// @notice Lists the owners of `account` (most recently added first).
    /// @param account The smart account.
    /// @return owners The owner addresses.
    function getOwners(address account) external view returns (address[] memory owners) {
        owners = new address[](ownerCount[account]);
        address cur = _ownerList[SENTINEL][account];
        uint256 i;
        while (cur != SENTINEL && cur != address(0)) {
            owners[i++] = cur;
            cur = _ownerList[cur][account];
        }
    }

    /// @notice Whether `owner` is an owner of `account`.
    /// @param account The smart account.
    /// @param owner The queried address.
    /// @return True when present.
    function isOwner(address account, address owner) public view returns (bool) {
        return owner != address(0) && owner != SENTINEL && _ownerList[owner][account] != address(0);
    }

    /*//////////////////////////////////////////////////////////////
                               VALIDATION
    //////////////////////////////////////////////////////////////*/

    /// @notice ERC-7579 user operation validation for the calling account.
    /// @dev Checks `userOp.signature` over `toEthSignedMessageHash(userOpHash)`.
    /// @param userOp The packed user operation (only `signature` is read).
    /// @param userOpHash The EntryPoint's userOpHash.
    /// @return 0 on success, 1 on signature failure.
    function validateUserOp(PackedUserOperation calldata userOp, bytes32 userOpHash)
        external
        view
        override
        returns (uint256)
    {
        return _validateForAccount(msg.sender, ECDSA.toEthSignedMessageHash(userOpHash), userOp.signature) ? 0 : 1;
    }

    /// @notice ERC-7579 ERC-1271 forwarding: checks `signature` over the raw `hash` for the calling account.
    /// @param hash The hash the account was asked about.
    /// @param signature Concatenated owner signatures.
    /// @return 0x1626ba7e when valid, 0xffffffff otherwise.
    function isValidSignatureWithSender(address, bytes32 hash, bytes calldata signature)
        external
        view
        override
        returns (bytes4)
    {
        return _validateForAccount(msg.sender, hash, signature) ? ERC1271_MAGIC : ERC1271_INVALID;
    }

    /// @notice Stateless validation (Smart Sessions): checks `sig` over the raw `hash` against the config `data`.
    /// @param hash The signed hash (raw userOpHash for sessions).
    /// @param sig Concatenated signatures.
    /// @param data `abi.encode(uint256 threshold, address[] owners)`.
    /// @return validSig False for unsorted/duplicate owners, threshold 0 or too few owner signatures.
    function validateSignatureWithData(bytes32 hash, bytes calldata sig, bytes calldata data)
        external
        view
        override
        returns (bool validSig)
    {
        (uint256 threshold_, address[] memory owners) = abi.decode(data, (uint256, address[]));
        if (threshold_ == 0 || !LibSort.isSortedAndUniquified(owners)) return false;
        address[] memory signers = SignatureCheck.recoverUniqueSorted(hash, sig, threshold_);
        uint256 valid;
        for (uint256 i; i < signers.length; ++i) {
            address signer = signers[i];
            if (signer == address(0)) continue;
            (bool found,) = LibSort.searchSorted(owners, signer);
            if (found) ++valid;
        }
        return valid >= threshold_;
    }

    /*//////////////////////////////////////////////////////////////
                                INTERNAL
    //////////////////////////////////////////////////////////////*/

    function _validateForAccount(address account, bytes32 hash, bytes calldata sig) internal view returns (bool) {
        uint256 threshold_ = threshold[account];
        if (threshold_ == 0) return false;
        address[] memory signers = SignatureCheck.recoverUniqueSorted(hash, sig, threshold_);
        uint256 valid;
        for (uint256 i; i < signers.length; ++i) {
            if (isOwner(account, signers[i])) ++valid;
        }
        return valid >= threshold_;
    }

    function _insertOwner(address account, address owner) internal {
        if (owner == address(0) || owner == SENTINEL) revert InvalidOwner(owner);
        if (_ownerList[owner][account] != address(0)) revert OwnerAlreadyExists(owner);
        address head = _ownerList[SENTINEL][account];
        _ownerList[owner][account] = head == address(0) ? SENTINEL : head;
        _ownerList[SENTINEL][account] = owner;
        emit OwnerAdded(account, owner);
    }
}
