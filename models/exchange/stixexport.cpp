#include "stixexport.h"

#include "casewriter.h"
#include "stixcommon.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QUrl>

namespace AT {

namespace {

using namespace Qt::StringLiterals;

void stixPut(QJsonObject &o, const QString &key, const QString &value)
{
    o.insert(key, value);
}

// Event categories that are an adversary's activity: exported as STIX campaigns. Every other event (a
// statement, an indictment, a sanction, a denial, a report...) is something published on a date and is
// exported as a STIX report.
bool stixIsAdversaryActivity(const QString &category)
{
    static const QSet<QString> categories {
        u"intrusion"_s, u"reconnaissance"_s, u"phishing"_s,   u"targeting"_s, u"campaign"_s,    u"espionage"_s,
        u"attack"_s,    u"breach"_s,         u"compromise"_s, u"hack"_s,      u"cyberattack"_s,
    };
    return categories.contains(category.trimmed().toCaseFolded());
}

// The STIX object an actor becomes, by its kind.
QString stixActorType(const QString &kind)
{
    const QString k = kind.trimmed().toCaseFolded();
    if (k == u"group"_s || k == u"intrusion set"_s || k == u"intrusion-set"_s) {
        return u"intrusion-set"_s;
    }
    if (k == u"threat actor"_s || k == u"threat-actor"_s) {
        return u"threat-actor"_s;
    }
    if (k == u"campaign"_s) {
        return u"campaign"_s;
    }
    return u"identity"_s;
}

// identity_class (identity-class-ov) for a kind of actor; "unknown" where the kind says nothing more.
QString stixIdentityClass(const QString &kind)
{
    const QString k = kind.trimmed().toCaseFolded();
    if (k == u"person"_s || k == u"individual"_s) {
        return u"individual"_s;
    }
    if (k == u"persons"_s || k == u"officials"_s || k == u"group"_s || k == u"group of people"_s
        || k == u"threat actor"_s) {
        return u"group"_s;
    }
    if (k == u"class"_s) {
        return u"class"_s;
    }
    if (k == u"system"_s) {
        return u"system"_s;
    }
    static const QSet<QString> organizations {
        u"government"_s, u"government body"_s, u"agency"_s,      u"company"_s,      u"institution"_s,
        u"alliance"_s,   u"research firm"_s,   u"news agency"_s, u"organization"_s, u"organisation"_s,
        u"ministry"_s,   u"country"_s,         u"state"_s,       u"university"_s,   u"party"_s,
        u"publisher"_s,  u"newspaper"_s,       u"court"_s,       u"parliament"_s,   u"military unit"_s,
    };
    return organizations.contains(k) ? u"organization"_s : u"unknown"_s;
}

// Participant roles that name who did an adversary activity (or, for events imported from STIX, to whom
// a relationship attributes it: "attributed to (per …)").
bool stixIsAccusedRole(const QString &role)
{
    const QString r = role.trimmed().toCaseFolded();
    return r == u"attacker"_s || r == u"accused"_s || r == u"perpetrator"_s || r.startsWith(u"attributed to"_s);
}

// Participant roles of a body that attributes: the case shows it making attributions.
bool stixIsAttributingRole(const QString &role)
{
    const QString r = role.trimmed().toCaseFolded();
    return r == u"attributor"_s || r == u"accuser"_s;
}

class StixExporter
{
public:
    StixExporter(const Case &kase, const StixExportOptions &options, bool reuseStixIds)
        : m_case(kase)
        , m_options(options)
        , m_reuseStixIds(reuseStixIds)
        , m_ns(Stix::caseNamespace(kase))
        , m_time(Stix::timestamp(options.timestamp.isValid() ? options.timestamp : QDateTime::currentDateTimeUtc()))
    {
        const QJsonObject written = QJsonDocument::fromJson(CaseWriter::toJson(kase)).object();
        m_fragments = written;
    }

    // The bundle; empty when a re-used STIX id collided with another object's id (a case made to do so):
    // then export again without re-using ids.
    QByteArray run();

private:
    QString id(QStringView type, QStringView sort, QStringView itemId) const
    {
        return Stix::objectId(m_ns, type, sort, itemId);
    }
    // The id of a case item's own object: the item's id when it is already a STIX id of that type (the
    // item came from a STIX bundle), so that a platform that has the original recognises it; else a UUIDv5.
    QString itemObjectId(QStringView type, QStringView sort, const QString &itemId)
    {
        QString idType;
        if (m_reuseStixIds && Stix::isIdentifier(itemId, &idType) && idType == type && !m_reusedIds.contains(itemId)) {
            m_reusedIds.insert(itemId);
            return itemId;
        }
        return id(type, sort, itemId);
    }
    QJsonObject base(const QString &stixId) const
    {
        QJsonObject o;
        o.insert(u"type"_s, stixId.section(u"--"_s, 0, 0));
        o.insert(u"spec_version"_s, u"2.1"_s);
        o.insert(u"id"_s, stixId);
        o.insert(u"created"_s, m_time);
        o.insert(u"modified"_s, m_time);
        return o;
    }
    QJsonObject fragment(QLatin1StringView list, qsizetype index) const
    {
        return m_fragments.value(list).toArray().at(index).toObject();
    }
    void add(const QJsonObject &o) { m_objects.append(o); }

    QJsonObject articleReference(const Source &s, const QString &quote) const;
    QJsonArray references(const QList<Citation> &citations) const;
    void putReferences(QJsonObject &o, const QList<Citation> &citations) const;
    QString identityForAttributor(const QString &actorId);
    void addJournalistNote(const QString &notes, const QString &about, QStringView sort, const QString &itemId);
    QString claimText(const Claim &c) const;
    bool isAttribution(const Claim &c) const;

    void exportSources();
    void exportActors();
    void exportEvents();
    void exportClaims();
    void exportDisagreements();
    void exportAffiliations();

    const Case &m_case;
    const StixExportOptions m_options;
    const bool m_reuseStixIds;
    const QUuid m_ns;
    const QString m_time;
    QJsonObject m_fragments; // the case as the case writer writes it: x_attribution_timeline_* values
    QJsonArray m_objects;
    QHash<QString, QString> m_actorSdo; // actor id -> the STIX id of the actor's own object
    QHash<QString, QString> m_attributorIdentity; // actor id -> identity that speaks for it
    QHash<QString, QString> m_eventSdo;
    QHash<QString, QString> m_claimSdo;
    QHash<QString, QString> m_sourceIdentity;
    QSet<QString> m_reusedIds;
    QJsonArray m_actorsWithoutObject; // case actors that are nobody in STIX (the importer's placeholder)
};

QJsonObject StixExporter::articleReference(const Source &s, const QString &quote) const
{
    QJsonObject ref;
    QString name = displayTitle(s);
    if (name.trimmed().isEmpty()) {
        name = u"Source "_s + s.id;
    }
    // "cve" and "capec" are reserved source names that need a CVE or CAPEC id.
    if (name == u"cve"_s || name == u"capec"_s) {
        name += u" (article)"_s;
    }
    ref.insert(u"source_name"_s, name);
    const QUrl url(s.url, QUrl::StrictMode);
    if (!s.url.isEmpty() && url.isValid() && !url.scheme().isEmpty()) {
        ref.insert(u"url"_s, QString::fromUtf8(url.toEncoded()));
    }
    const QString hash = !s.sha256.isEmpty() ? s.sha256 : (s.text.isEmpty() ? QString() : sha256Hex(s.text));
    if (!hash.isEmpty()) {
        ref.insert(u"hashes"_s, QJsonObject {{u"SHA-256"_s, hash.toLower()}});
    }
    if (!quote.isEmpty()) {
        ref.insert(u"description"_s, quote);
    } else {
        QStringList parts {u"“"_s + displayTitle(s) + u"”"_s};
        parts << (s.publisher.isEmpty() ? u"publisher unknown"_s : s.publisher);
        parts << (s.published.isValid() ? u"published "_s + s.published.toIsoString() : u"date unknown"_s);
        ref.insert(u"description"_s, parts.join(u", "_s));
    }
    return ref;
}

QJsonArray StixExporter::references(const QList<Citation> &citations) const
{
    QJsonArray out;
    QSet<QString> seen;
    for (const Citation &c : citations) {
        const Source *s = m_case.source(c.sourceId);
        if (!s) {
            continue;
        }
        const QString key = c.sourceId + QChar(0) + c.quote;
        if (seen.contains(key)) {
            continue;
        }
        seen.insert(key);
        out.append(articleReference(*s, c.quote));
    }
    return out;
}

void StixExporter::putReferences(QJsonObject &o, const QList<Citation> &citations) const
{
    const QJsonArray refs = references(citations);
    if (!refs.isEmpty()) {
        o.insert(u"external_references"_s, refs);
    }
}

QString StixExporter::identityForAttributor(const QString &actorId)
{
    if (actorId == Stix::UnnamedProducerId) {
        return {}; // the bundle it came from names no author: nobody is made up
    }
    if (m_attributorIdentity.contains(actorId)) {
        return m_attributorIdentity.value(actorId);
    }
    const Actor *a = m_case.actor(actorId);
    if (!a) {
        return {};
    }
    const QString sdo = m_actorSdo.value(actorId);
    if (sdo.startsWith(u"identity--"_s)) {
        m_attributorIdentity.insert(actorId, sdo);
        return sdo;
    }
    // A group or campaign that speaks: STIX lets only an identity author objects.
    const QString stixId = id(u"identity", u"attributor", actorId);
    QJsonObject o = base(stixId);
    o.insert(u"name"_s, a->name);
    o.insert(u"identity_class"_s, stixIdentityClass(a->kind));
    stixPut(o, u"description"_s,
            u"Speaks for the case's actor “"_s + a->name + u"” (STIX "_s + sdo.section(u"--"_s, 0, 0)
                + u"), to author what it claims."_s);
    o.insert(u"x_attribution_timeline_speaks_for"_s, sdo);
    o.insert(u"x_attribution_timeline_role"_s, u"attributor"_s);
    add(o);
    m_attributorIdentity.insert(actorId, stixId);
    return stixId;
}

void StixExporter::addJournalistNote(const QString &notes, const QString &about, QStringView sort,
                                     const QString &itemId)
{
    if (notes.isEmpty() || about.isEmpty()) {
        return;
    }
    QJsonObject o = base(id(u"note", sort, itemId));
    o.insert(u"abstract"_s, u"The journalist's own note (not what a source says)"_s);
    o.insert(u"content"_s, notes);
    o.insert(u"object_refs"_s, QJsonArray {about});
    o.insert(u"x_attribution_timeline_role"_s, u"journalist-note"_s);
    add(o);
}

void StixExporter::exportSources()
{
    const QJsonArray written = m_fragments.value(QLatin1StringView("sources")).toArray();
    for (qsizetype i = 0; i < m_case.sources.size(); ++i) {
        const Source &s = m_case.sources[i];
        const QString stixId = id(u"identity", u"source", s.id);
        QJsonObject o = base(stixId);
        // The article, as its publisher's identity: who speaks through it. An unknown publisher stays unknown.
        if (s.publisher.isEmpty()) {
            stixPut(o, u"name"_s, u"Publisher of “"_s + displayTitle(s) + u"” (not named in the case)"_s);
            o.insert(u"identity_class"_s, u"unknown"_s);
        } else {
            o.insert(u"name"_s, s.publisher);
            o.insert(u"identity_class"_s, u"organization"_s);
        }
        stixPut(o, u"description"_s,
                u"The publisher of a source of the case: "_s
                    + articleReference(s, QString()).value(u"description"_s).toString());
        o.insert(u"external_references"_s, QJsonArray {articleReference(s, QString())});
        QJsonObject frag = written.at(i).toObject();
        frag.remove(u"path"_s);
        frag.remove(u"text"_s);
        if (s.sha256.isEmpty() && s.text.isEmpty()) {
            frag.remove(u"sha256"_s); // a reference without text: no hash of an empty text
        } else {
            frag.insert(u"sha256"_s, !s.sha256.isEmpty() ? s.sha256 : sha256Hex(s.text));
        }
        if (m_options.includeSourceTexts && !s.referenceOnly && !s.text.isEmpty()) {
            frag.insert(u"text"_s, s.text);
        }
        o.insert(u"x_attribution_timeline_source"_s, frag);
        o.insert(u"x_attribution_timeline_role"_s, u"source"_s);
        add(o);
        m_sourceIdentity.insert(s.id, stixId);
    }
}

void StixExporter::exportActors()
{
    for (qsizetype i = 0; i < m_case.actors.size(); ++i) {
        const Actor &a = m_case.actors[i];
        if (a.id == Stix::UnnamedProducerId) {
            // "Not named in the STIX bundle" is not an identity: it travels only in the case report's x_.
            m_actorsWithoutObject.append(fragment(QLatin1StringView("actors"), i));
            continue;
        }
        const QString type = stixActorType(a.kind);
        const QString stixId = itemObjectId(type, u"actor", a.id);
        m_actorSdo.insert(a.id, stixId);
        QJsonObject o = base(stixId);
        o.insert(u"name"_s, a.name);
        if (!a.description.isEmpty()) {
            o.insert(u"description"_s, a.description);
        }
        QStringList aliases;
        for (const Alias &alias : a.aliases) {
            if (!aliases.contains(alias.name)) {
                aliases << alias.name;
            }
        }
        if (type == u"identity"_s) {
            o.insert(u"identity_class"_s, stixIdentityClass(a.kind));
        } else if (!aliases.isEmpty()) {
            o.insert(u"aliases"_s, QJsonArray::fromStringList(aliases));
        }
        QList<Citation> citations = a.citations;
        for (const Alias &alias : a.aliases) {
            citations += alias.citations;
        }
        for (const Affiliation &aff : a.affiliations) {
            citations += aff.citations;
        }
        putReferences(o, citations);
        QJsonObject frag = fragment(QLatin1StringView("actors"), i);
        o.insert(u"x_attribution_timeline_actor"_s, frag);
        o.insert(u"x_attribution_timeline_role"_s, u"actor"_s);
        add(o);
    }
    for (const Actor &a : m_case.actors) {
        addJournalistNote(a.notes, m_actorSdo.value(a.id), u"actor-notes", a.id);
    }
}

void StixExporter::exportAffiliations()
{
    // Ties between actors, in the sources' words: related-to (STIX has no narrower type for "works for").
    for (const Actor &a : m_case.actors) {
        for (qsizetype j = 0; j < a.affiliations.size(); ++j) {
            const Affiliation &aff = a.affiliations[j];
            const QString target = m_actorSdo.value(aff.actorId);
            if (target.isEmpty()) {
                continue;
            }
            QJsonObject o = base(id(u"relationship", u"affiliation", QString(a.id + u'/' + QString::number(j))));
            o.insert(u"relationship_type"_s, u"related-to"_s);
            o.insert(u"source_ref"_s, m_actorSdo.value(a.id));
            o.insert(u"target_ref"_s, target);
            stixPut(o, u"description"_s,
                    a.name + u" — "_s + aff.relation + u" — "_s
                        + (m_case.actor(aff.actorId) ? m_case.actor(aff.actorId)->name : aff.actorId));
            putReferences(o, aff.citations);
            o.insert(u"x_attribution_timeline_role"_s, u"affiliation"_s);
            o.insert(u"x_attribution_timeline_relation"_s, aff.relation);
            add(o);
        }
    }
}

void StixExporter::exportEvents()
{
    for (qsizetype i = 0; i < m_case.events.size(); ++i) {
        const Event &e = m_case.events[i];
        const bool campaign = stixIsAdversaryActivity(e.category);
        const QString stixId = itemObjectId(campaign ? u"campaign" : u"report", u"event", e.id);
        m_eventSdo.insert(e.id, stixId);
    }
    const QString caseReport = id(u"report", u"case", u"case");
    for (qsizetype i = 0; i < m_case.events.size(); ++i) {
        const Event &e = m_case.events[i];
        const QString stixId = m_eventSdo.value(e.id);
        const bool campaign = stixId.startsWith(u"campaign--"_s);
        QJsonObject o = base(stixId);
        o.insert(u"name"_s, e.title);
        if (!e.summary.isEmpty()) {
            o.insert(u"description"_s, e.summary);
        }
        // A start is the first instant of the period it names, an end the last instant of its period
        // (2022 -> 2022-12-31T23:59:59.999Z); a point date is its whole period, first_seen to last_seen; an
        // open end stays absent. The precision, which ends are open or approximate, and the whole partial date (with
        // its provenance) are in x_.
        const PartialDate &d = e.date;
        QJsonObject dateInfo;
        dateInfo.insert(u"display"_s, d.toDisplayString());
        if (d.start().isValid()) {
            dateInfo.insert(u"start_precision"_s, precisionName(d.start().precision()));
        }
        if (d.end().isValid()) {
            dateInfo.insert(u"end_precision"_s, precisionName(d.end().precision()));
        }
        dateInfo.insert(u"open_start"_s, d.isOpenStart());
        dateInfo.insert(u"open_end"_s, d.isOpenEnd());
        // Approximation belongs to an end: "c. 2010 – 25 Mar 2024" is exact at its end.
        dateInfo.insert(u"approximate_start"_s, d.isStartApproximate());
        dateInfo.insert(u"approximate_end"_s, d.isEndApproximate());
        if (campaign) {
            if (d.start().isValid()) {
                o.insert(u"first_seen"_s, Stix::periodStart(d.start()));
            }
            if (d.end().isValid()) {
                o.insert(u"last_seen"_s, Stix::periodEnd(d.end()));
            } else if (d.start().isValid() && !d.isOpenEnd()) {
                o.insert(u"last_seen"_s, Stix::periodEnd(d.start()));
            }
        } else {
            const DatePoint when = d.start().isValid() ? d.start() : d.end();
            o.insert(u"published"_s, Stix::periodStart(when));
            QJsonArray refs;
            QSet<QString> seen;
            for (const Participant &p : e.participants) {
                const QString ref = m_actorSdo.value(p.actorId);
                if (!ref.isEmpty() && !seen.contains(ref)) {
                    seen.insert(ref);
                    refs.append(ref);
                }
            }
            if (refs.isEmpty()) {
                for (const Citation &c : e.citations) {
                    const QString ref = m_sourceIdentity.value(c.sourceId);
                    if (!ref.isEmpty() && !seen.contains(ref)) {
                        seen.insert(ref);
                        refs.append(ref);
                    }
                }
            }
            if (refs.isEmpty()) {
                refs.append(caseReport);
            }
            o.insert(u"object_refs"_s, refs);
        }
        QJsonArray participants;
        for (const Participant &p : e.participants) {
            participants.append(QJsonObject {{u"ref"_s, m_actorSdo.value(p.actorId)}, {u"role"_s, p.role}});
        }
        if (!participants.isEmpty()) {
            o.insert(u"x_attribution_timeline_participants"_s, participants);
        }
        QList<Citation> citations = e.citations + e.date.provenanceCitations();
        putReferences(o, citations);
        o.insert(u"x_attribution_timeline_category"_s, e.category);
        o.insert(u"x_attribution_timeline_date"_s, dateInfo);
        o.insert(u"x_attribution_timeline_event"_s, fragment(QLatin1StringView("events"), i));
        o.insert(u"x_attribution_timeline_role"_s, u"event"_s);
        add(o);
    }
    for (const Event &e : m_case.events) {
        addJournalistNote(e.notes, m_eventSdo.value(e.id), u"event-notes", e.id);
    }
}

QString StixExporter::claimText(const Claim &c) const
{
    QString text = c.statement;
    if (!c.confidence.isEmpty()) {
        text += u" (confidence as worded: “"_s + c.confidence + u"”)"_s;
    }
    return text;
}

// A claim is exported as attributed-to only when the case shows it as an attribution (docs/exchange/stix.md,
// "Which claims are attributions"): its event is an adversary activity; its subject is named in that event
// as the one who did it (attacker, accused, "attributed to …") or is not among the event's participants at
// all (never when the event lists it only as a target, victim, ...); and its speaker attributes: the
// speaker is an attributor or accuser in some event of the case, or the claim carries a confidence
// wording, or the event's own participant list says the subject is attributed to it.
bool StixExporter::isAttribution(const Claim &c) const
{
    const Event *e = m_case.event(c.eventId);
    if (!e || c.subjectId.isEmpty() || !m_case.actor(c.subjectId) || !stixIsAdversaryActivity(e->category)) {
        return false;
    }
    bool subjectListed = false;
    bool subjectAccused = false;
    bool subjectAttributedInEvent = false;
    for (const Participant &p : e->participants) {
        if (p.actorId == c.subjectId) {
            subjectListed = true;
            subjectAccused = subjectAccused || stixIsAccusedRole(p.role);
            subjectAttributedInEvent
                = subjectAttributedInEvent || p.role.trimmed().toCaseFolded().startsWith(u"attributed to"_s);
        }
    }
    if (subjectListed && !subjectAccused) {
        return false;
    }
    if (!c.confidence.trimmed().isEmpty() || subjectAttributedInEvent) {
        return true;
    }
    for (const Event &other : m_case.events) {
        for (const Participant &p : other.participants) {
            if (p.actorId == c.attributorId && stixIsAttributingRole(p.role)) {
                return true;
            }
        }
    }
    return false;
}

void StixExporter::exportClaims()
{
    // Each claim's own object first, so that a dispute can point at what it disputes.
    for (const Claim &c : m_case.claims) {
        QString type;
        if (!c.disputes.isEmpty()) {
            type = u"opinion"_s;
        } else if (!c.eventId.isEmpty() && !c.subjectId.isEmpty() && m_eventSdo.contains(c.eventId)
                   && m_actorSdo.contains(c.subjectId)
                   && (!m_eventSdo.value(c.eventId).startsWith(u"campaign--"_s) || isAttribution(c))) {
            // An attribution of a campaign, or a claim about a published act (a report): related-to.
            type = u"relationship"_s;
        } else {
            // Everything else, including what a speaker says about a campaign without attributing it.
            type = u"note"_s;
        }
        m_claimSdo.insert(c.id, itemObjectId(type, u"claim", c.id));
    }
    for (qsizetype i = 0; i < m_case.claims.size(); ++i) {
        const Claim &c = m_case.claims[i];
        const QString stixId = m_claimSdo.value(c.id);
        const Actor *attributor = m_case.actor(c.attributorId);
        const QString author = identityForAttributor(c.attributorId);
        QJsonObject o = base(stixId);
        if (!author.isEmpty()) {
            o.insert(u"created_by_ref"_s, author);
        }
        const bool unnamed = c.attributorId == Stix::UnnamedProducerId;
        const QString authorName = attributor ? attributor->name : c.attributorId;
        if (stixId.startsWith(u"opinion--"_s)) {
            QJsonArray refs;
            for (const QString &disputed : c.disputes) {
                if (m_claimSdo.contains(disputed)) {
                    refs.append(m_claimSdo.value(disputed));
                }
            }
            if (refs.isEmpty()) {
                refs.append(id(u"report", u"case", u"case"));
            }
            // A denial disagrees; how strongly is not in the case, so the scale's plain "disagree" is used.
            o.insert(u"opinion"_s, u"disagree"_s);
            o.insert(u"object_refs"_s, refs);
            o.insert(u"explanation"_s, claimText(c));
            if (!unnamed) {
                o.insert(u"authors"_s, QJsonArray {authorName});
            }
        } else if (stixId.startsWith(u"relationship--"_s)) {
            const QString event = m_eventSdo.value(c.eventId);
            o.insert(u"relationship_type"_s, event.startsWith(u"campaign--"_s) ? u"attributed-to"_s : u"related-to"_s);
            o.insert(u"source_ref"_s, event);
            o.insert(u"target_ref"_s, m_actorSdo.value(c.subjectId));
            stixPut(o, u"description"_s,
                    (unnamed ? u"(The bundle this claim was imported from names no author: no created_by_ref.) "_s
                             : authorName + u": "_s)
                        + claimText(c));
        } else {
            QString about = m_actorSdo.value(c.subjectId);
            if (about.isEmpty()) {
                about = m_eventSdo.value(c.eventId);
            }
            if (about.isEmpty()) {
                about = m_actorSdo.value(c.attributorId);
            }
            if (about.isEmpty()) {
                about = id(u"report", u"case", u"case");
            }
            QString abstract = unnamed ? u"Claim whose author the bundle it was imported from does not name"_s
                                       : u"Claim by "_s + authorName;
            if (m_eventSdo.value(c.eventId).startsWith(u"campaign--"_s) && !c.subjectId.isEmpty()) {
                abstract += u" (about the campaign; the case does not show it as an attribution)"_s;
            }
            stixPut(o, u"abstract"_s, abstract);
            o.insert(u"content"_s, claimText(c));
            if (!unnamed) {
                o.insert(u"authors"_s, QJsonArray {authorName});
            }
            o.insert(u"object_refs"_s, QJsonArray {about});
        }
        if (!c.confidence.isEmpty()) {
            o.insert(u"x_attribution_timeline_confidence_wording"_s, c.confidence);
            QStringList candidates;
            const auto match = Stix::confidenceFromWording(c.confidence, c.yardstick, &candidates);
            if (match) {
                o.insert(u"confidence"_s, match->value);
                stixPut(o, u"x_attribution_timeline_confidence_scale"_s,
                        u"STIX 2.1 Appendix A, "_s + match->scale + u": "_s + match->entry);
            } else if (!candidates.isEmpty()) {
                stixPut(o, u"x_attribution_timeline_confidence_scale"_s,
                        u"not mapped: the wording is on several STIX 2.1 Appendix A scales with different values ("_s
                            + candidates.join(u"; "_s) + u") and the claim's yardstick does not choose one"_s);
            }
        }
        putReferences(o, c.citations + c.date.provenanceCitations());
        o.insert(u"x_attribution_timeline_claim"_s, fragment(QLatin1StringView("claims"), i));
        o.insert(u"x_attribution_timeline_role"_s, u"claim"_s);
        add(o);
    }
    for (const Claim &c : m_case.claims) {
        addJournalistNote(c.notes, m_claimSdo.value(c.id), u"claim-notes", c.id);
    }
}

void StixExporter::exportDisagreements()
{
    // A disputed point is a note on everything that is part of it: the question, then each version with
    // the quotes that give it. (An opinion needs one author; a disputed point has several.)
    const QString caseReport = id(u"report", u"case", u"case");
    for (qsizetype i = 0; i < m_case.disagreements.size(); ++i) {
        const Disagreement &d = m_case.disagreements[i];
        QJsonArray refs;
        for (const Event &e : m_case.events) {
            if (e.disagreements.contains(d.id)) {
                refs.append(m_eventSdo.value(e.id));
            }
        }
        for (const Claim &c : m_case.claims) {
            if (c.disagreements.contains(d.id)) {
                refs.append(m_claimSdo.value(c.id));
            }
        }
        if (refs.isEmpty()) {
            refs.append(caseReport);
        }
        const QString heading = disagreementKindLabel(d.kind) + u": "_s + d.question;
        QString content = heading;
        if (d.kind != Disagreement::Kind::Conflict) {
            content += u"\n"_s + disagreementKindText(d.kind) + u'.';
        }
        QList<Citation> citations;
        for (qsizetype v = 0; v < d.versions.size(); ++v) {
            const DisagreementVersion &version = d.versions[v];
            content += u"\n\nVersion "_s + QString::number(v + 1) + u": "_s + version.statement;
            for (const Citation &c : version.citations) {
                const Source *s = m_case.source(c.sourceId);
                content += u"\n— “"_s + c.quote + u"” ("_s + (s ? displayTitle(*s) : c.sourceId) + u')';
            }
            citations += version.citations;
        }
        QJsonObject o = base(id(u"note", u"disagreement", d.id));
        stixPut(o, u"abstract"_s, heading);
        o.insert(u"content"_s, content);
        o.insert(u"object_refs"_s, refs);
        putReferences(o, citations);
        o.insert(u"x_attribution_timeline_disagreement"_s, fragment(QLatin1StringView("disagreements"), i));
        o.insert(u"x_attribution_timeline_role"_s, u"disagreement"_s);
        add(o);
    }
}

QByteArray StixExporter::run()
{
    exportSources();
    exportActors();
    exportEvents();
    exportClaims();
    exportDisagreements();
    exportAffiliations();

    const QString caseReport = id(u"report", u"case", u"case");
    QJsonObject report = base(caseReport);
    report.insert(u"name"_s, m_case.title.isEmpty() ? u"Untitled case"_s : m_case.title);
    if (!m_case.description.isEmpty()) {
        report.insert(u"description"_s, m_case.description);
    }
    report.insert(u"published"_s, m_time); // the export: the case itself has no publication date
    report.insert(u"report_types"_s, QJsonArray {u"threat-report"_s});
    QJsonArray refs;
    for (const QJsonValue &v : std::as_const(m_objects)) {
        refs.append(v.toObject().value(u"id"_s));
    }
    if (refs.isEmpty()) {
        refs.append(caseReport); // a case with nothing in it: object_refs may not be empty
    }
    report.insert(u"object_refs"_s, refs);
    QJsonObject caseInfo;
    caseInfo.insert(u"format"_s, m_fragments.value(u"format"_s));
    caseInfo.insert(u"version"_s, m_fragments.value(u"version"_s));
    caseInfo.insert(u"title"_s, m_case.title);
    if (!m_case.id.isEmpty()) {
        caseInfo.insert(u"id"_s, m_case.id);
    }
    if (!m_case.description.isEmpty()) {
        caseInfo.insert(u"description"_s, m_case.description);
    }
    if (!m_actorsWithoutObject.isEmpty()) {
        caseInfo.insert(u"actors_without_object"_s, m_actorsWithoutObject);
    }
    report.insert(u"x_attribution_timeline_case"_s, caseInfo);
    report.insert(u"x_attribution_timeline_role"_s, u"case"_s);
    m_objects.prepend(report);
    if (!m_reusedIds.isEmpty()) {
        QSet<QString> ids;
        for (const QJsonValue &v : std::as_const(m_objects)) {
            const QString objectId = v.toObject().value(u"id"_s).toString();
            if (ids.contains(objectId)) {
                return {};
            }
            ids.insert(objectId);
        }
    }

    QJsonObject bundle;
    bundle.insert(u"type"_s, u"bundle"_s);
    bundle.insert(u"id"_s, id(u"bundle", u"bundle", u"bundle"));
    bundle.insert(u"objects"_s, m_objects);
    return QJsonDocument(bundle).toJson(QJsonDocument::Indented);
}

} // namespace

QByteArray stixBundle(const Case &kase, const StixExportOptions &options)
{
    const QByteArray bundle = StixExporter(kase, options, true).run();
    return !bundle.isEmpty() ? bundle : StixExporter(kase, options, false).run();
}

} // namespace AT
