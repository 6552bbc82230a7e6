#include "references.h"

namespace AT {

namespace {

QString quoted(const QString &text)
{
    return QStringLiteral("\u201c%1\u201d").arg(text);
}

qsizetype dropCitations(QList<Citation> &citations, const QString &sourceId)
{
    return citations.removeIf([&](const Citation &c) { return c.sourceId == sourceId; });
}

qsizetype countCitations(const QList<Citation> &citations, const QString &sourceId)
{
    return std::count_if(citations.cbegin(), citations.cend(),
                         [&](const Citation &c) { return c.sourceId == sourceId; });
}

} // namespace

QList<Reference> referencesTo(const Case &kase, EntityKind kind, const QString &id)
{
    QList<Reference> out;
    switch (kind) {
    case EntityKind::Actor:
        for (const Event &e : kase.events) {
            for (const Participant &p : e.participants) {
                if (p.actorId == id) {
                    out << Reference {EntityKind::Event, e.id,
                                      QStringLiteral("event %1 names it as %2").arg(quoted(e.title), p.role)};
                }
            }
        }
        for (const Actor &a : kase.actors) {
            for (const Affiliation &f : a.affiliations) {
                if (f.actorId == id && a.id != id) {
                    out << Reference {EntityKind::Actor, a.id,
                                      QStringLiteral("actor %1 %2 it").arg(quoted(a.name), f.relation)};
                }
            }
            for (const Alias &alias : a.aliases) {
                if (alias.usedBy.contains(id)) {
                    out << Reference {
                        EntityKind::Actor, a.id,
                        QStringLiteral("the alias %1 of %2 is used by it").arg(quoted(alias.name), quoted(a.name))};
                }
            }
        }
        for (const Claim &c : kase.claims) {
            if (c.attributorId == id) {
                out << Reference {EntityKind::Claim, c.id,
                                  QStringLiteral("it makes the claim %1 (deleted with it)").arg(quoted(c.statement))};
            } else if (c.subjectId == id) {
                out << Reference {EntityKind::Claim, c.id,
                                  QStringLiteral("the claim %1 is about it").arg(quoted(c.statement))};
            }
        }
        break;
    case EntityKind::Source: {
        auto count = [&](const QString &what, EntityKind k, const QString &eid, qsizetype n) {
            if (n > 0) {
                out << Reference {k, eid,
                                  QStringLiteral("%1 cites it %2")
                                      .arg(what, n == 1 ? QStringLiteral("once") : QStringLiteral("%1 times").arg(n))};
            }
        };
        for (const Actor &a : kase.actors) {
            qsizetype n = countCitations(a.citations, id);
            for (const Alias &alias : a.aliases) {
                n += countCitations(alias.citations, id);
            }
            for (const Affiliation &f : a.affiliations) {
                n += countCitations(f.citations, id);
            }
            count(QStringLiteral("actor ") + quoted(a.name), EntityKind::Actor, a.id, n);
        }
        for (const Event &e : kase.events) {
            count(QStringLiteral("event ") + quoted(e.title), EntityKind::Event, e.id,
                  countCitations(e.citations, id) + countCitations(e.date.provenanceCitations(), id));
        }
        for (const Claim &c : kase.claims) {
            count(QStringLiteral("claim ") + quoted(c.statement), EntityKind::Claim, c.id,
                  countCitations(c.citations, id) + countCitations(c.date.provenanceCitations(), id));
        }
        for (const Disagreement &d : kase.disagreements) {
            qsizetype n = 0;
            for (const DisagreementVersion &v : d.versions) {
                n += countCitations(v.citations, id);
            }
            count(QStringLiteral("disagreement ") + quoted(d.question), EntityKind::Disagreement, d.id, n);
        }
        const qsizetype reviewed = std::count_if(kase.reviewed.cbegin(), kase.reviewed.cend(),
                                                 [&](const ReviewedPassage &r) { return r.passage.sourceId == id; });
        if (reviewed > 0) {
            out << Reference {EntityKind::Reviewed, QString(),
                              reviewed == 1 ? QStringLiteral("1 passage of it is marked reviewed (the mark is deleted "
                                                             "with it)")
                                            : QStringLiteral("%1 passages of it are marked reviewed (the marks are "
                                                             "deleted with it)")
                                                  .arg(reviewed)};
        }
        break;
    }
    case EntityKind::Event:
        for (const Claim &c : kase.claims) {
            if (c.eventId == id) {
                out << Reference {EntityKind::Claim, c.id,
                                  QStringLiteral("the claim %1 is about it").arg(quoted(c.statement))};
            }
        }
        break;
    case EntityKind::Claim:
        for (const Claim &c : kase.claims) {
            if (c.disputes.contains(id)) {
                out << Reference {EntityKind::Claim, c.id,
                                  QStringLiteral("the claim %1 disputes it").arg(quoted(c.statement))};
            }
        }
        break;
    case EntityKind::Disagreement:
        for (const Event &e : kase.events) {
            if (e.disagreements.contains(id)) {
                out << Reference {EntityKind::Event, e.id,
                                  QStringLiteral("event %1 is part of it").arg(quoted(e.title))};
            }
        }
        for (const Claim &c : kase.claims) {
            if (c.disagreements.contains(id)) {
                out << Reference {EntityKind::Claim, c.id,
                                  QStringLiteral("claim %1 is part of it").arg(quoted(c.statement))};
            }
        }
        break;
    case EntityKind::Heading:
    case EntityKind::Reviewed:
        break;
    }
    return out;
}

CaseEdit removalEdit(const Case &kase, EntityKind kind, const QString &id)
{
    QString name = id;
    if (kind == EntityKind::Actor) {
        if (const Actor *a = kase.actor(id)) {
            name = quoted(a->name);
        }
    } else if (kind == EntityKind::Event) {
        if (const Event *e = kase.event(id)) {
            name = quoted(e->title);
        }
    } else if (kind == EntityKind::Source) {
        if (const Source *s = kase.source(id)) {
            name = quoted(displayTitle(*s));
        }
    }
    CaseEdit edit(kase, QStringLiteral("Delete %1 %2").arg(kindName(kind), name));
    switch (kind) {
    case EntityKind::Actor: {
        QStringList removedClaims;
        for (const Claim &c : kase.claims) {
            if (c.attributorId == id) {
                removedClaims << c.id;
            }
        }
        for (const QString &claimId : std::as_const(removedClaims)) {
            edit.remove(EntityKind::Claim, claimId);
        }
        const QList<Claim> remaining = edit.kase().claims;
        for (Claim c : remaining) {
            const Claim before = c;
            if (c.subjectId == id) {
                c.subjectId.clear();
            }
            c.disputes.removeIf([&](const QString &d) { return removedClaims.contains(d); });
            if (!(c == before)) {
                edit.replace(c);
            }
        }
        for (Event e : kase.events) {
            if (e.participants.removeIf([&](const Participant &p) { return p.actorId == id; }) > 0) {
                edit.replace(e);
            }
        }
        for (Actor a : kase.actors) {
            if (a.id == id) {
                continue;
            }
            qsizetype n = a.affiliations.removeIf([&](const Affiliation &f) { return f.actorId == id; });
            for (Alias &alias : a.aliases) {
                n += alias.usedBy.removeAll(id);
            }
            if (n > 0) {
                edit.replace(a);
            }
        }
        break;
    }
    case EntityKind::Source:
        for (Actor a : kase.actors) {
            qsizetype n = dropCitations(a.citations, id);
            for (Alias &alias : a.aliases) {
                n += dropCitations(alias.citations, id);
            }
            for (Affiliation &f : a.affiliations) {
                n += dropCitations(f.citations, id);
            }
            if (n > 0) {
                edit.replace(a);
            }
        }
        for (Event e : kase.events) {
            if (dropCitations(e.citations, id) + dropCitations(e.date.provenanceCitations(), id) > 0) {
                edit.replace(e);
            }
        }
        for (Claim c : kase.claims) {
            if (dropCitations(c.citations, id) + dropCitations(c.date.provenanceCitations(), id) > 0) {
                edit.replace(c);
            }
        }
        for (Disagreement d : kase.disagreements) {
            qsizetype n = 0;
            for (DisagreementVersion &v : d.versions) {
                n += dropCitations(v.citations, id);
            }
            if (n > 0) {
                edit.replace(d);
            }
        }
        {
            ReviewedList reviewed {kase.reviewed};
            if (reviewed.passages.removeIf([&](const ReviewedPassage &r) { return r.passage.sourceId == id; }) > 0) {
                edit.replace(reviewed);
            }
        }
        break;
    case EntityKind::Event:
        for (Claim c : kase.claims) {
            if (c.eventId == id) {
                c.eventId.clear();
                edit.replace(c);
            }
        }
        break;
    case EntityKind::Claim:
        for (Claim c : kase.claims) {
            if (c.disputes.removeAll(id) > 0) {
                edit.replace(c);
            }
        }
        break;
    case EntityKind::Disagreement:
        for (Event e : kase.events) {
            if (e.disagreements.removeAll(id) > 0) {
                edit.replace(e);
            }
        }
        for (Claim c : kase.claims) {
            if (c.disagreements.removeAll(id) > 0) {
                edit.replace(c);
            }
        }
        break;
    case EntityKind::Heading:
    case EntityKind::Reviewed:
        return edit;
    }
    edit.remove(kind, id);
    return edit;
}

} // namespace AT
