"""The forums' own vocabularies, as enums, with the wording sources use for them.

Each enum's values are the stable identifiers written to JSON. The ``*_WORDING``
tables and ``read_*`` functions map the many spellings found in real documents
("business sector", "NGO", "Issues which reached a common view", "strongly
suggest") to those values; records keep the source's own wording beside them.

The package's private modules hold one concept each, above the shared fold:

* ``_wording``: :func:`normalise_wording`, the fold every table is looked up with;
* ``_groups``: who speaks, :class:`StakeholderKind` and :class:`RegionalGroup`,
  with :func:`read_stakeholder` and :func:`read_regional_group`;
* ``_outcomes``: what a session arrived at, :class:`ConsensusLevel`,
  :class:`Stance`, :class:`ActorKind` and :class:`Force`, with
  :func:`read_consensus` and :func:`read_force`;
* ``_sessions``: how a session was held and who took part, :class:`SessionKind`,
  :class:`SessionFormat`, :class:`ParticipantKind` and :class:`Role`.

Every public name is imported from ``govrecords.vocabulary`` itself, the wording
tables (``CONSENSUS_WORDING``, ``FORCE_WORDING``, ``KIND_WORDING``,
``FORMAT_WORDING``, ``AMBIGUOUS_STAKEHOLDER_WORDING``) included.
"""

from __future__ import annotations

from govrecords.vocabulary._groups import AMBIGUOUS_STAKEHOLDER_WORDING as AMBIGUOUS_STAKEHOLDER_WORDING
from govrecords.vocabulary._groups import RegionalGroup, StakeholderKind, read_regional_group, read_stakeholder
from govrecords.vocabulary._outcomes import CONSENSUS_WORDING as CONSENSUS_WORDING
from govrecords.vocabulary._outcomes import FORCE_WORDING as FORCE_WORDING
from govrecords.vocabulary._outcomes import ActorKind, ConsensusLevel, Force, Stance, read_consensus, read_force
from govrecords.vocabulary._sessions import FORMAT_WORDING as FORMAT_WORDING
from govrecords.vocabulary._sessions import KIND_WORDING as KIND_WORDING
from govrecords.vocabulary._sessions import ParticipantKind, Role, SessionFormat, SessionKind
from govrecords.vocabulary._wording import normalise_wording

__all__ = [
    "ActorKind",
    "ConsensusLevel",
    "Force",
    "ParticipantKind",
    "RegionalGroup",
    "Role",
    "SessionFormat",
    "SessionKind",
    "StakeholderKind",
    "Stance",
    "normalise_wording",
    "read_consensus",
    "read_force",
    "read_regional_group",
    "read_stakeholder",
]
