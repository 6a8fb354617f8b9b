"""The questionnaire's stages: where each starts, what each requires, and the bands and places of
its results chart. A part of the questionnaire loader (loader.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from coprod_check.domain.loader_shapes import Shapes, _is_number
from coprod_check.domain.questionnaire import AXES, FACETS, Band, Domain, Place, Requirement, Stage
from coprod_check.i18n import _

if TYPE_CHECKING:
    from coprod_check.domain.yamlsource import Path


class StageChecks(Shapes):
    """Checks of the stages, their requirements, and the chart's bands and places."""

    def stages(self, value: Any, path: Path) -> tuple[Stage, ...]:
        out: list[Stage] = []
        seen: dict[str, Path] = {}
        previous = -1.0
        for i, item in enumerate(self.items(value, path, "stages", minimum=2)):
            p = (*path, i)
            m = self.mapping(item, p, ("id", "title", "from", "description"), ("requires",))
            if m is None:
                continue
            sid = self.ident(m, "id", p)
            self.unique(seen, sid, (*p, "id"), "stage")
            start: Any = m.get("from")
            if "from" in m:
                if not _is_number(start) or not 0 <= start <= 100:
                    self.error((*p, "from"), _("should be a number from 0 to 100, not {start!r}").format(start=start))
                    start = previous + 1
                elif i == 0 and start != 0:
                    self.error((*p, "from"), _("the first stage must start at 0"))
                elif start <= previous:
                    self.error(
                        (*p, "from"),
                        _("should be higher than the stage before ({previous:g})").format(previous=previous),
                    )
                previous = float(start)
            out.append(Stage(sid, self.text(m, "title", p), float(previous), self.text(m, "description", p)))
        return tuple(out)

    def requirements(self, value: Any, stages: tuple[Stage, ...], domains: tuple[Domain, ...]) -> tuple[Stage, ...]:
        """Read each stage's `requires` (after the domains, which they may name) into `stages`."""
        if not isinstance(value, list) or len(value) != len(stages):
            return stages
        domain_ids = {d.id for d in domains}
        axes_used = {q.orientation for d in domains for q in d.questions}
        done = list(stages)
        for i, item in enumerate(value[: len(stages)]):
            if not isinstance(item, dict) or "requires" not in item:
                continue
            p: Path = ("stages", i, "requires")
            found: list[Requirement] = []
            for j, req in enumerate(self.items(item["requires"], p, "requirements")):
                rp = (*p, j)
                m = self.mapping(req, rp, ("from", "reason"), ("axis", "domain"))
                if m is None:
                    continue
                if "axis" not in m and "domain" not in m:
                    self.error(
                        rp, _("give an 'axis' (care, with or parity), a 'domain', or both (that axis in that domain)")
                    )
                    continue
                axis = self.text(m, "axis", rp) if "axis" in m else ""
                domain = self.text(m, "domain", rp) if "domain" in m else ""
                if axis and axis not in FACETS:
                    self.error((*rp, "axis"), _("should be 'care', 'with' or 'parity', not {axis!r}").format(axis=axis))
                elif axis and axis not in axes_used:
                    self.error(
                        (*rp, "axis"), _("no question is about {axis!r}, so it can never be met").format(axis=axis)
                    )
                if domain and domain not in domain_ids:
                    self.error((*rp, "domain"), _("there is no domain {domain!r}").format(domain=domain))
                elif (
                    domain
                    and axis
                    and axis in FACETS
                    and not any(q.orientation == axis for d in domains if d.id == domain for q in d.questions)
                ):
                    self.error(
                        (*rp, "axis"),
                        _("the domain {domain!r} has no {axis} question, so it can never be met").format(
                            domain=domain, axis=axis
                        ),
                    )
                start: Any = m.get("from")
                if not _is_number(start) or not 0 < start <= 100:
                    self.error(
                        (*rp, "from"), _("should be a number above 0 and up to 100, not {start!r}").format(start=start)
                    )
                    start = 0
                found.append(Requirement(axis, domain, float(start), self.text(m, "reason", rp)))
            if i == 0 and found:
                self.error(p, _("the first stage is where everyone starts, so it cannot require anything"))
            done[i] = done[i]._replace(requires=tuple(found))
        return tuple(done)

    def bands_and_places(self, top: dict[str, Any]) -> tuple[dict[str, tuple[Band, ...]], tuple[Place, ...]]:
        """The bands of each axis and the place for every pair of bands; both or neither."""
        if "bands" not in top and "places" not in top:
            return {}, ()
        if ("bands" in top) != ("places" in top):
            missing = "places" if "bands" in top else "bands"
            self.error(
                (), _("the key {missing!r} is missing: 'bands' and 'places' go together").format(missing=missing)
            )
            return {}, ()
        bands: dict[str, tuple[Band, ...]] = {}
        # Parity's bands are optional: they name its band, and never take part in a place.
        m = self.mapping(top["bands"], ("bands",), AXES, ("parity",))
        for axis in FACETS if m else ():
            if axis not in m:  # type: ignore[operator]
                continue
            out: list[Band] = []
            seen: dict[str, Path] = {}
            previous = -1.0
            for i, item in enumerate(self.items(m[axis], ("bands", axis), "bands", minimum=2)):  # type: ignore[index]
                p: Path = ("bands", axis, i)
                b = self.mapping(item, p, ("id", "title", "from", "description"))
                if b is None:
                    continue
                bid = self.ident(b, "id", p)
                self.unique(seen, bid, (*p, "id"), "band")
                start = self._start(b, p, i, previous)
                previous = start
                out.append(Band(bid, self.text(b, "title", p), start, self.text(b, "description", p)))
            bands[axis] = tuple(out)
        places: list[Place] = []
        pairs: dict[tuple[str, str], Path] = {}
        ids: dict[str, Path] = {}
        for i, item in enumerate(self.items(top["places"], ("places",), "places")):
            p = ("places", i)
            pm = self.mapping(item, p, ("id", "title", "description", "care", "with"))
            if pm is None:
                continue
            pid = self.ident(pm, "id", p)
            self.unique(ids, pid, (*p, "id"), "place")
            care, with_ = self.text(pm, "care", p), self.text(pm, "with", p)
            for axis, band in (("care", care), ("with", with_)):
                if band and axis in bands and band not in {b.id for b in bands[axis]}:
                    self.error((*p, axis), _("there is no {axis} band {band!r}").format(axis=axis, band=band))
            if (care, with_) in pairs:
                self.error(
                    p,
                    _("the bands {care!r} and {with_!r} already have a place (line {status})").format(
                        care=care, with_=with_, status=self.lines.get(pairs[care, with_])
                    ),
                )
            pairs[(care, with_)] = p
            places.append(Place(pid, self.text(pm, "title", p), self.text(pm, "description", p), care, with_))
        if "care" in bands and "with" in bands:
            for cb in bands["care"]:
                for wb in bands["with"]:
                    if (cb.id, wb.id) not in pairs:
                        self.error(
                            ("places",),
                            _(
                                "no place is given for the care band {id!r} "
                                "with the with band {id2!r}: every pair needs one"
                            ).format(id=cb.id, id2=wb.id),
                        )
        return bands, tuple(places)

    def _start(self, m: dict[str, Any], p: Path, i: int, previous: float) -> float:
        start: Any = m.get("from")
        if "from" not in m:
            return previous + 1
        if not _is_number(start) or not 0 <= start <= 100:
            self.error((*p, "from"), _("should be a number from 0 to 100, not {start!r}").format(start=start))
            return previous + 1
        if i == 0 and start != 0:
            self.error((*p, "from"), _("the first one must start at 0"))
        elif start <= previous:
            self.error((*p, "from"), _("should be higher than the one before ({previous:g})").format(previous=previous))
        return float(start)
