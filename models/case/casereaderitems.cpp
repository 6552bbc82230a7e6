// The items of the case format: sources (with their texts), actors, disputed points, events, claims,
// reviewed passages.
#include "casereaderimpl.h"

#include <QThread>

#include <algorithm>

namespace AT::Reading {

bool Reader::loadSourceText(Source &source, const Path &path)
{
    const Path pp = path.child(QLatin1StringView("path"));
    const QString &p = source.path;
    QString fileName;
    if (p.startsWith(QLatin1StringView("qrc:/"))) {
        fileName = p.sliced(3); // ":/..."
    } else {
        if (QDir::isAbsolutePath(p) || p.startsWith(QLatin1Char('/')) || p.startsWith(QLatin1Char('\\'))
            || (p.size() > 1 && p[1] == QLatin1Char(':'))) {
            error(pp,
                  QStringLiteral("\"%1\" is an absolute path; source paths must be relative to the case file's "
                                 "folder")
                      .arg(p));
            return false;
        }
        const QStringList parts = p.split(QRegularExpression(QStringLiteral("[/\\\\]")));
        if (parts.contains(QStringLiteral(".."))) {
            error(pp,
                  QStringLiteral("\"%1\" contains \"..\"; sources must lie in the case file's folder or below it")
                      .arg(p));
            return false;
        }
        if (m_baseDir.isEmpty()) {
            error(pp, QStringLiteral("relative source paths need a case file on disk; embed the text as \"text\""));
            return false;
        }
        const QString base = QFileInfo(m_baseDir).canonicalFilePath();
        const QFileInfo info(QDir(m_baseDir).filePath(p));
        const QString resolved = info.canonicalFilePath();
        if (!info.exists() || resolved.isEmpty()) {
            error(pp, QStringLiteral("the source file \"%1\" does not exist next to the case file").arg(p));
            return false;
        }
        if (base.isEmpty() || !resolved.startsWith(base + QLatin1Char('/'))) {
            error(pp,
                  QStringLiteral("\"%1\" leads outside the case file's folder (through a symbolic link); copy the "
                                 "source into the folder")
                      .arg(p));
            return false;
        }
        fileName = resolved;
    }
    QFile file;
    const OpenResult opened = QFileInfo(fileName).isFile() ? openRegularFile(file, fileName) : OpenResult::NotRegular;
    if (opened == OpenResult::NotRegular) {
        error(
            pp,
            QStringLiteral("\"%1\" is not a regular file (a FIFO / device / folder); point it at a text file").arg(p));
        return false;
    }
    if (opened == OpenResult::Failed) {
        error(pp, QStringLiteral("cannot read the source \"%1\": %2").arg(p, file.errorString()));
        return false;
    }
    if (file.size() > CaseReader::MaxSourceFileBytes) {
        error(pp,
              QStringLiteral("the source \"%1\" is %2 bytes; the limit is %3 bytes per source")
                  .arg(p)
                  .arg(file.size())
                  .arg(CaseReader::MaxSourceFileBytes));
        return false;
    }
    const QByteArray bytes = file.read(CaseReader::MaxSourceFileBytes + 1);
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError()) {
        error(pp, QStringLiteral("the source \"%1\" is not valid UTF-8; re-save it as UTF-8").arg(p));
        return false;
    }
    source.text = std::move(text);
    return true;
}

void Reader::readSources(const JsonArray &arr, const Path &path)
{
    QSet<QString> ids;
    m_case.sources.reserve(arr.size());
    for (qsizetype i = 0; i < arr.size(); ++i) {
        if (!step()) {
            return;
        }
        const Path p = path.at(i);
        JsonObject obj;
        if (!object(arr[i], p, &obj)) {
            continue;
        }
        checkKeys(obj, CaseSchema::Kind::Source, p);
        const qsizetype errorsAtFields = m_errors; // listed or not: the list may be full
        Source s;
        s.id = id(obj, p, ids, QStringLiteral("source"));
        s.title = string(obj, QLatin1StringView("title"), p, false);
        s.publisher = string(obj, QLatin1StringView("publisher"), p, false);
        s.url = string(obj, QLatin1StringView("url"), p, false);
        s.published = datePoint(obj, QLatin1StringView("published"), p);
        s.retrieved = datePoint(obj, QLatin1StringView("retrieved"), p);
        const QString recordedHash = string(obj, QLatin1StringView("sha256"), p, false);
        const bool hasText = obj.contains(QLatin1StringView("text"));
        const bool hasPath = obj.contains(QLatin1StringView("path"));
        s.referenceOnly = boolean(obj, QLatin1StringView("referenceOnly"), p);
        bool loaded = false;
        if (s.referenceOnly && (hasText || hasPath)) {
            error(p,
                  QStringLiteral("a source with \"referenceOnly\": true holds no text; remove \"%1\", or remove "
                                 "\"referenceOnly\" to keep the text")
                      .arg(hasText ? QStringLiteral("text") : QStringLiteral("path")));
        } else if (s.referenceOnly) {
            // The text is elsewhere: a hash names which text, and is kept as the file gives it.
            static const QRegularExpression hexDigest(QStringLiteral("^[0-9A-Fa-f]{64}$"));
            if (!recordedHash.isEmpty() && !hexDigest.match(recordedHash).hasMatch()) {
                warning(p.child(QLatin1StringView("sha256")),
                        QStringLiteral("\"%1\" is not a SHA-256 (64 hex digits) and is left out; give the hash of "
                                       "the source's UTF-8 text, or remove it")
                            .arg(recordedHash));
            } else {
                s.sha256 = recordedHash;
            }
        } else if (!hasText && !hasPath) {
            error(p,
                  QStringLiteral("give \"text\" (the source embedded) or \"path\" (a file next to the case file); "
                                 "for a source whose text the case does not hold, say \"referenceOnly\": true"));
        } else if (hasText && hasPath) {
            error(p,
                  QStringLiteral("give exactly one of \"text\" (the source embedded) or \"path\" (a file next to "
                                 "the case file)"));
        } else if (hasText) {
            s.text = string(obj, QLatin1StringView("text"), p, true);
            loaded = obj.value(QLatin1StringView("text")).isString();
        } else {
            s.path = string(obj, QLatin1StringView("path"), p, true);
            loaded = !s.path.isEmpty() && loadSourceText(s, p);
        }
        if (loaded) {
            s.sha256 = sha256Hex(s.text);
            if (!recordedHash.isEmpty() && recordedHash.compare(s.sha256, Qt::CaseInsensitive) != 0) {
                warning(p.child(QLatin1StringView("sha256")),
                        QStringLiteral("the source text has changed since the case recorded it (SHA-256 %1, now %2); "
                                       "its citations were re-checked against the new text")
                            .arg(recordedHash, s.sha256));
            }
        }
        if (m_errors > errorsAtFields) {
            m_brokenSourceIds.insert(obj.value(QLatin1StringView("id")).toString());
            if (s.referenceOnly) {
                m_brokenReferenceOnlyIds.insert(obj.value(QLatin1StringView("id")).toString());
            }
            continue;
        }
        if (!s.id.isEmpty() && !m_sourceIndex.contains(s.id)) {
            m_sourceIndex.insert(s.id, m_case.sources.size());
            m_case.sources.append(std::move(s));
            m_textIndexes.push_back(nullptr);
            if (loaded) {
                m_textIndexes.back() = std::make_shared<const TextIndex>(m_case.sources.back().text);
            }
        }
    }
    // The indexes point into m_case.sources; rebuild them now that the list no longer grows.
    for (qsizetype i = 0; i < m_case.sources.size(); ++i) {
        if (m_textIndexes[static_cast<size_t>(i)]) {
            m_textIndexes[static_cast<size_t>(i)] = std::make_shared<const TextIndex>(m_case.sources[i].text);
        }
    }
}

void Reader::readActors(const JsonArray &arr, const Path &path)
{
    m_case.actors.reserve(arr.size());
    // Ids first, so that affiliations and aliases may refer to actors listed later.
    for (qsizetype i = 0; i < arr.size(); ++i) {
        const JsonValue &v = arr[i];
        const QString actorId = v.toObject().value(QLatin1StringView("id")).toString();
        if (!actorId.isEmpty()) {
            m_actorIds.insert(actorId);
        }
    }
    QSet<QString> ids;
    for (qsizetype i = 0; i < arr.size(); ++i) {
        if (!step()) {
            return;
        }
        const Path p = path.at(i);
        const qsizetype errorsBefore = m_errors;
        JsonObject obj;
        if (!object(arr[i], p, &obj)) {
            continue;
        }
        checkKeys(obj, CaseSchema::Kind::Actor, p);
        Actor a;
        a.id = id(obj, p, ids, QStringLiteral("actor"));
        a.name = string(obj, QLatin1StringView("name"), p, true);
        a.kind = string(obj, QLatin1StringView("kind"), p, true);
        a.description = string(obj, QLatin1StringView("description"), p, false);
        a.citations = citations(obj, QLatin1StringView("citations"), p);
        a.notes = string(obj, QLatin1StringView("notes"), p, false);
        const Path ap = p.child(QLatin1StringView("aliases"));
        const JsonArray aliases = array(obj, QLatin1StringView("aliases"), p, false);
        for (qsizetype j = 0; j < aliases.size(); ++j) {
            JsonObject ao;
            if (!object(aliases[j], ap.at(j), &ao)) {
                continue;
            }
            checkKeys(ao, CaseSchema::Kind::Alias, ap.at(j));
            Alias alias;
            alias.name = string(ao, QLatin1StringView("name"), ap.at(j), true);
            alias.usedBy = stringList(ao, QLatin1StringView("usedBy"), ap.at(j));
            for (qsizetype k = 0; k < alias.usedBy.size(); ++k) {
                actorRef(alias.usedBy[k], ap.at(j).child(QLatin1StringView("usedBy")).at(k));
            }
            alias.citations = citations(ao, QLatin1StringView("citations"), ap.at(j));
            a.aliases.append(std::move(alias));
        }
        const Path fp = p.child(QLatin1StringView("affiliations"));
        const JsonArray affiliations = array(obj, QLatin1StringView("affiliations"), p, false);
        for (qsizetype j = 0; j < affiliations.size(); ++j) {
            JsonObject fo;
            if (!object(affiliations[j], fp.at(j), &fo)) {
                continue;
            }
            checkKeys(fo, CaseSchema::Kind::Affiliation, fp.at(j));
            Affiliation aff;
            aff.actorId = string(fo, QLatin1StringView("actor"), fp.at(j), true);
            actorRef(aff.actorId, fp.at(j).child(QLatin1StringView("actor")));
            if (!a.id.isEmpty() && aff.actorId == a.id) {
                error(fp.at(j).child(QLatin1StringView("actor")),
                      QStringLiteral("an actor cannot be affiliated with itself; name the other actor"));
            }
            aff.relation = string(fo, QLatin1StringView("relation"), fp.at(j), true);
            aff.citations = citations(fo, QLatin1StringView("citations"), fp.at(j));
            a.affiliations.append(std::move(aff));
        }
        keep(m_case.actors, std::move(a), errorsBefore);
    }
}

void Reader::readDisagreements(const JsonArray &arr, const Path &path)
{
    for (qsizetype i = 0; i < arr.size(); ++i) {
        if (!step()) {
            return;
        }
        const Path p = path.at(i);
        const qsizetype errorsBefore = m_errors;
        JsonObject obj;
        if (!object(arr[i], p, &obj)) {
            continue;
        }
        checkKeys(obj, CaseSchema::Kind::Disagreement, p);
        Disagreement d;
        d.id = id(obj, p, m_disagreementIds, QStringLiteral("disagreement"));
        d.question = string(obj, QLatin1StringView("question"), p, true);
        const QString kindName = string(obj, QLatin1StringView("kind"), p, false);
        if (const auto kind = disagreementKindFromName(kindName)) {
            d.kind = *kind;
        } else if (!kindName.isEmpty()) {
            error(p.child(QLatin1StringView("kind")),
                  QStringLiteral("unknown kind of disagreement \"%1\"; use conflict (the accounts cannot both be "
                                 "true as written) or specificity (one is only less specific than another)")
                      .arg(kindName));
        }
        const Path vp = p.child(QLatin1StringView("versions"));
        const JsonArray versions = array(obj, QLatin1StringView("versions"), p, true);
        if (obj.value(QLatin1StringView("versions")).isArray() && versions.size() < 2) {
            error(
                vp,
                QStringLiteral("a disagreement needs at least two competing versions, found %1").arg(versions.size()));
        }
        for (qsizetype j = 0; j < versions.size(); ++j) {
            JsonObject vo;
            if (!object(versions[j], vp.at(j), &vo)) {
                continue;
            }
            checkKeys(vo, CaseSchema::Kind::Version, vp.at(j));
            DisagreementVersion version;
            version.statement = string(vo, QLatin1StringView("statement"), vp.at(j), true);
            version.citations = citations(vo, QLatin1StringView("citations"), vp.at(j));
            if (vo.value(QLatin1StringView("citations")).toArray().isEmpty()) {
                warning(vp.at(j).child(QLatin1StringView("citations")),
                        QStringLiteral("this version has no citation; every version should cite its source"));
            }
            d.versions.append(std::move(version));
        }
        keep(m_case.disagreements, std::move(d), errorsBefore);
    }
}

void Reader::readEvents(const JsonArray &arr, const Path &path)
{
    m_case.events.reserve(arr.size());
    for (qsizetype i = 0; i < arr.size(); ++i) {
        if (!step()) {
            return;
        }
        readEvent(arr[i], path.at(i), i);
    }
}

void Reader::readEvent(const JsonValue &v, const Path &p, qsizetype index)
{
    const qsizetype errorsBefore = m_errors;
    JsonObject obj;
    if (!object(v, p, &obj)) {
        return;
    }
    checkKeys(obj, CaseSchema::Kind::Event, p);
    const qsizetype errorsAtFields = m_errors; // listed or not: the list may be full
    Event e;
    e.id = string(obj, QLatin1StringView("id"), p, true);
    if (!e.id.isEmpty()) {
        const qsizetype duplicate = m_eventIds->insert(e.id, index);
        if (duplicate == index) {
            error(p.child(QLatin1StringView("id")), duplicateIdMessage(QStringLiteral("event"), e.id));
        } else if (duplicate >= 0) {
            // A later copy, read first by another thread as if it were the first: the case is read
            // again on one thread, which reports it in its place (a case with errors; rare).
            m_duplicateReadFirst = true;
        }
    }
    e.title = string(obj, QLatin1StringView("title"), p, true);
    e.summary = string(obj, QLatin1StringView("summary"), p, false);
    e.category = shared(string(obj, QLatin1StringView("category"), p, true));
    e.date = partialDate(obj, QLatin1StringView("date"), p, true);
    const Path pp = p.child(QLatin1StringView("participants"));
    const JsonArray participants = array(obj, QLatin1StringView("participants"), p, false);
    e.participants.reserve(participants.size());
    for (qsizetype j = 0; j < participants.size(); ++j) {
        JsonObject po;
        if (!object(participants[j], pp.at(j), &po)) {
            continue;
        }
        checkKeys(po, CaseSchema::Kind::Participant, pp.at(j));
        Participant part;
        part.actorId = string(po, QLatin1StringView("actor"), pp.at(j), true);
        actorRef(part.actorId, pp.at(j).child(QLatin1StringView("actor")));
        if (const auto known = m_actorIds.constFind(part.actorId); known != m_actorIds.constEnd()) {
            part.actorId = *known; // one shared copy of each id instead of one per mention
        }
        part.role = shared(string(po, QLatin1StringView("role"), pp.at(j), true));
        e.participants.append(std::move(part));
    }
    bool listed = false;
    e.citations = citations(obj, QLatin1StringView("citations"), p, &listed);
    if (!listed && m_errors == errorsAtFields) {
        warning(p.child(QLatin1StringView("citations")),
                QStringLiteral("the event cites no source; add the passage that reports it"));
    }
    e.tags = stringList(obj, QLatin1StringView("tags"), p);
    e.disagreements = stringList(obj, QLatin1StringView("disagreements"), p);
    e.notes = string(obj, QLatin1StringView("notes"), p, false);
    for (qsizetype j = 0; j < e.disagreements.size(); ++j) {
        if (!m_disagreementIds.contains(e.disagreements[j])) {
            error(p.child(QLatin1StringView("disagreements")).at(j),
                  QStringLiteral("no disagreement has the id \"%1\"").arg(e.disagreements[j]));
        }
    }
    e.acceptedWarnings = acceptedWarnings(obj, p);
    if (m_errors == errorsBefore) {
        reportChecks(m_checker->checkEvent(e), p);
    }
    keep(m_case.events, std::move(e), errorsBefore);
}

void Reader::readClaims(const JsonArray &arr, const Path &path)
{
    for (qsizetype i = 0; i < arr.size(); ++i) {
        const JsonValue &v = arr[i];
        const QString claimId = v.toObject().value(QLatin1StringView("id")).toString();
        if (!claimId.isEmpty()) {
            m_claimIds.insert(claimId);
        }
    }
    QSet<QString> ids;
    for (qsizetype i = 0; i < arr.size(); ++i) {
        if (!step()) {
            return;
        }
        const Path p = path.at(i);
        const qsizetype errorsBefore = m_errors;
        JsonObject obj;
        if (!object(arr[i], p, &obj)) {
            continue;
        }
        checkKeys(obj, CaseSchema::Kind::Claim, p);
        const qsizetype errorsAtFields = m_errors; // listed or not: the list may be full
        Claim c;
        c.id = id(obj, p, ids, QStringLiteral("claim"));
        c.attributorId = string(obj, QLatin1StringView("attributor"), p, true);
        actorRef(c.attributorId, p.child(QLatin1StringView("attributor")));
        c.subjectId = string(obj, QLatin1StringView("subject"), p, false);
        actorRef(c.subjectId, p.child(QLatin1StringView("subject")));
        c.eventId = string(obj, QLatin1StringView("event"), p, false);
        if (!c.eventId.isEmpty() && !m_eventIds->contains(c.eventId)) {
            error(p.child(QLatin1StringView("event")),
                  QStringLiteral("no event has the id \"%1\"; add it to \"events\" or fix the id").arg(c.eventId));
        }
        c.statement = string(obj, QLatin1StringView("statement"), p, true);
        c.confidence = string(obj, QLatin1StringView("confidence"), p, false);
        c.yardstick = string(obj, QLatin1StringView("yardstick"), p, false);
        if (const auto value = integer(obj, QLatin1StringView("confidenceValue"), p, false)) {
            if (*value < 0 || *value > 100) {
                error(p.child(QLatin1StringView("confidenceValue")),
                      QStringLiteral("must be between 0 and 100, found %1").arg(*value));
            } else if (c.yardstick.isEmpty() || c.confidence.isEmpty()) {
                error(p.child(QLatin1StringView("confidenceValue")),
                      QStringLiteral("a numeric confidence needs the source's wording in \"confidence\" and the "
                                     "\"yardstick\" that maps it; remove the number or add both"));
            } else {
                c.confidenceValue = static_cast<int>(*value);
            }
        }
        c.date = partialDate(obj, QLatin1StringView("date"), p, false);
        c.citations = citations(obj, QLatin1StringView("citations"), p);
        if (obj.value(QLatin1StringView("citations")).toArray().isEmpty() && m_errors == errorsAtFields) {
            warning(p.child(QLatin1StringView("citations")),
                    QStringLiteral("the claim cites no source; add the passage that reports it"));
        }
        c.disputes = stringList(obj, QLatin1StringView("disputes"), p);
        for (qsizetype j = 0; j < c.disputes.size(); ++j) {
            if (!m_claimIds.contains(c.disputes[j])) {
                error(p.child(QLatin1StringView("disputes")).at(j),
                      QStringLiteral("no claim has the id \"%1\"").arg(c.disputes[j]));
            } else if (c.disputes[j] == c.id) {
                error(p.child(QLatin1StringView("disputes")).at(j), QStringLiteral("a claim cannot dispute itself"));
            }
        }
        c.disagreements = stringList(obj, QLatin1StringView("disagreements"), p);
        c.notes = string(obj, QLatin1StringView("notes"), p, false);
        for (qsizetype j = 0; j < c.disagreements.size(); ++j) {
            if (!m_disagreementIds.contains(c.disagreements[j])) {
                error(p.child(QLatin1StringView("disagreements")).at(j),
                      QStringLiteral("no disagreement has the id \"%1\"").arg(c.disagreements[j]));
            }
        }
        c.acceptedWarnings = acceptedWarnings(obj, p);
        if (m_errors == errorsBefore) {
            reportChecks(m_checker->checkClaim(c), p);
        }
        keep(m_case.claims, std::move(c), errorsBefore);
    }
}

namespace {

// The anchored citations of each source, by start, with the furthest end so far: whether a passage
// overlaps any of them is one binary search.
class CitedRanges
{
public:
    explicit CitedRanges(const Case &kase)
    {
        kase.forEachCitation([this](const Citation &c) {
            if (c.isAnchored() && c.end > c.start) {
                m_bySource[c.sourceId].push_back({c.start, c.end, &c});
            }
        });
        for (auto it = m_bySource.begin(); it != m_bySource.end(); ++it) {
            std::vector<Range> &ranges = it.value();
            std::sort(ranges.begin(), ranges.end(), [](const Range &a, const Range &b) { return a.start < b.start; });
            qint64 furthest = -1;
            for (Range &r : ranges) {
                furthest = std::max(furthest, r.end);
                r.furthestEnd = furthest;
            }
        }
    }

    // A citation that overlaps [start, end) of the source, or null.
    const Citation *overlapping(const QString &sourceId, qint64 start, qint64 end) const
    {
        const auto it = m_bySource.constFind(sourceId);
        if (it == m_bySource.cend()) {
            return nullptr;
        }
        const std::vector<Range> &ranges = it.value();
        // The ranges that start before `end`; among them, one reaches past `start` when the furthest
        // end does: then walk back to it.
        auto last = std::lower_bound(ranges.cbegin(), ranges.cend(), end,
                                     [](const Range &r, qint64 at) { return r.start < at; });
        if (last == ranges.cbegin() || std::prev(last)->furthestEnd <= start) {
            return nullptr;
        }
        for (auto r = std::prev(last);; --r) {
            if (r->end > start) {
                return r->citation;
            }
            if (r == ranges.cbegin()) {
                return nullptr;
            }
        }
    }

private:
    struct Range
    {
        qint64 start;
        qint64 end;
        const Citation *citation;
        qint64 furthestEnd = -1;
    };
    QHash<QString, std::vector<Range>> m_bySource;
};

} // namespace

void Reader::readReviewed(const JsonArray &arr, const Path &path)
{
    m_case.reviewed.reserve(arr.size());
    // A passage the case cites is used: marking it "reviewed, not used" as well says two things.
    std::optional<CitedRanges> cited;
    if (!arr.isEmpty()) {
        cited.emplace(m_case);
    }
    for (qsizetype i = 0; i < arr.size(); ++i) {
        if (!step()) {
            return;
        }
        const Path p = path.at(i);
        const qsizetype errorsBefore = m_errors;
        JsonObject obj;
        if (!object(arr[i], p, &obj)) {
            continue;
        }
        checkKeys(obj, CaseSchema::Kind::Reviewed, p);
        ReviewedPassage r;
        // Anchored as a citation is, with the same warnings when it drifted or is gone.
        const Path pp = p.child(QLatin1StringView("passage"));
        const JsonValue pv = obj.value(QLatin1StringView("passage"));
        bool read = false;
        if (pv.isUndefined() || pv.isNull()) {
            error(pp, QStringLiteral("is required: the passage, as a citation (source, quote, start, end)"));
        } else if (auto c = citation(pv, pp)) {
            r.passage = std::move(*c);
            read = true;
        }
        const QString reason = string(obj, QLatin1StringView("reason"), p, true);
        if (const auto known = reviewReasonFromName(reason)) {
            r.reason = *known;
        } else if (!reason.trimmed().isEmpty()) {
            QStringList names;
            for (const ReviewReason each : reviewReasons()) {
                names << reviewReasonName(each);
            }
            error(p.child(QLatin1StringView("reason")),
                  QStringLiteral("unknown reason \"%1\"; the reasons are %2")
                      .arg(reason, names.join(QStringLiteral(", "))));
        }
        r.note = string(obj, QLatin1StringView("note"), p, false);
        if (r.reason == ReviewReason::Duplicate && r.note.trimmed().isEmpty() && m_errors == errorsBefore) {
            warning(p.child(QLatin1StringView("note")),
                    QStringLiteral("a duplicate should say of what, e.g. \"duplicate of s001: ...\"; add a note"));
        }
        if (read && r.passage.isAnchored() && cited) {
            if (const Citation *c = cited->overlapping(r.passage.sourceId, r.passage.start, r.passage.end)) {
                warning(pp,
                        QStringLiteral("the case also cites this passage (\"%1\" at %2\u2013%3), so it is not "
                                       "\"reviewed, not used\"; remove the mark, or narrow it to the words "
                                       "no item cites")
                            .arg(c->quote.left(60), QString::number(c->start), QString::number(c->end)));
            }
        }
        if (read) { // not read without an error of its own: its source's problem is reported already
            keep(m_case.reviewed, std::move(r), errorsBefore);
        }
    }
}

} // namespace AT::Reading

namespace AT::Reading {

namespace {
qsizetype s_parallelEventsThreshold = CaseReader::ParallelEventsThreshold;
// A batch of events is parsed as one document of about this many bytes: big enough that parsing
// a batch costs little more than its share of parsing the whole, small enough to stay in cache.
constexpr qsizetype BatchBytes = qsizetype(1) << 20;
} // namespace

} // namespace AT::Reading

void AT::CaseReader::setParallelEventsThresholdForTesting(qsizetype events)
{
    Reading::s_parallelEventsThreshold = events < 0 ? ParallelEventsThreshold : events;
}

namespace AT::Reading {

Reader::Reader(const Reader &main, const ReadControl &control)
    : m_control(control)
    , m_itemsTotal(main.m_itemsTotal)
    , m_pool(main.m_pool)
    , m_file(main.m_file)
    , m_baseDir(main.m_baseDir)
    , m_sourceIndex(main.m_sourceIndex)
    , m_textIndexes(main.m_textIndexes)
    , m_brokenSourceIds(main.m_brokenSourceIds)
    , m_brokenReferenceOnlyIds(main.m_brokenReferenceOnlyIds)
    , m_actorIds(main.m_actorIds)
    , m_eventIds(main.m_eventIds)
    , m_disagreementIds(main.m_disagreementIds)
{
    m_releaseText = main.m_releaseText;
    m_case.sources = main.m_case.sources; // shared, read only: the text indexes point into main's
    m_case.actors = main.m_case.actors;
    m_checker = std::make_unique<CaseChecker>(m_case.actors);
}

JsonArray Reader::parseBatch(JsonDocument &doc, QByteArrayView text, const SplitText::Array &array, qsizetype from,
                             qsizetype to)
{
    if (from == to) {
        return {};
    }
    const JsonDocument::Outcome parsed = doc.parse(batchText(text, array, from, to));
    // Qt's parser (for what only it accepts) orders an object's keys its own way: read whole.
    const JsonArray items = parsed.parsed && !parsed.finding && doc.isSimd() ? doc.root().toArray() : JsonArray();
    if (items.size() != to - from) {
        m_splitFailed = true;
        return {};
    }
    return items;
}

void Reader::readEventRange(QByteArrayView text, const SplitText::Array &array, qsizetype from, qsizetype to,
                            const Path &path)
{
    JsonDocument doc;
    for (qsizetype i = from; i < to && !m_splitFailed;) {
        qsizetype j = i;
        qsizetype bytes = 0;
        while (j < to && (j == i || bytes < BatchBytes)) {
            bytes += array.elements[static_cast<size_t>(j)].size();
            ++j;
        }
        const JsonArray items = parseBatch(doc, text, array, i, j);
        if (m_splitFailed) {
            return;
        }
        for (qsizetype k = i; k < j; ++k) {
            if (!step()) {
                return;
            }
            readEvent(items[k - i], path.at(k), k);
        }
        if (m_releaseText) {
            // The batch is read, its document holds copies: the text of these events is not needed again.
            releaseText(text.data() + array.elements[static_cast<size_t>(i)].begin,
                        text.data() + array.elements[static_cast<size_t>(j - 1)].end);
        }
        i = j;
    }
}

void Reader::readEventSpans(QByteArrayView text, const SplitText::Array &array, const Path &path)
{
    const qsizetype n = qsizetype(array.elements.size());
    m_case.events.reserve(n);
    const int threads = n < s_parallelEventsThreshold ? 1 : std::clamp(QThread::idealThreadCount(), 1, 8);
    if (threads == 1) {
        readEventRange(text, array, 0, n, path);
        return;
    }
    // Parts of the events in the file's order, taken in turn by whichever thread is free, each read by
    // a helper of its own and merged in order. This thread reports progress (by the place it reads
    // at) for all; every thread stops on the same cancel.
    const qsizetype partCount = std::min<qsizetype>(n, 8 * threads);
    std::vector<std::unique_ptr<Reader>> parts(static_cast<size_t>(partCount));
    std::atomic<qsizetype> next {0};
    std::atomic<bool> stop {false};
    ReadControl quiet;
    quiet.cancel = m_control.cancel;
    const qint64 budgetShare = m_searchBudget / partCount;
    auto work = [&](const ReadControl &control) {
        for (qsizetype k = next++; k < partCount && !stop; k = next++) {
            const qsizetype from = n * k / partCount;
            auto part = std::unique_ptr<Reader>(new Reader(*this, control));
            part->m_itemsDone = m_itemsDone + from;
            part->m_searchBudget = budgetShare;
            part->readEventRange(text, array, from, n * (k + 1) / partCount, path);
            if (part->m_stopped || part->m_splitFailed) {
                stop = true;
            }
            parts[static_cast<size_t>(k)] = std::move(part);
        }
    };
    std::vector<std::thread> others;
    for (int t = 1; t < threads; ++t) {
        others.emplace_back(work, std::cref(quiet));
    }
    work(m_control);
    for (std::thread &t : others) {
        t.join();
    }
    m_searchBudget -= budgetShare * partCount;
    for (const std::unique_ptr<Reader> &part : parts) {
        if (!part) {
            continue; // not started: another part stopped the reading
        }
        // A part that ran out of its share of the search budget, or read a duplicate before the
        // event it duplicates, would not read as one reader reading in turn: the case is read whole.
        m_splitFailed = m_splitFailed || part->m_splitFailed || part->m_searchStopped || part->m_duplicateReadFirst;
        m_stopped = m_stopped || part->m_stopped;
        m_released = m_released || part->m_released;
    }
    if (m_splitFailed || m_stopped) {
        return;
    }
    m_itemsDone += n;
    for (std::unique_ptr<Reader> &part : parts) {
        mergeEvents(std::move(*part));
        part.reset();
    }
}

void Reader::releaseText(const char *from, const char *to)
{
#ifdef Q_OS_LINUX
    static const quintptr page = quintptr(sysconf(_SC_PAGESIZE));
    const quintptr begin = (quintptr(from) + page - 1) / page * page;
    const quintptr end = quintptr(to) / page * page;
    if (end > begin && madvise(reinterpret_cast<void *>(begin), end - begin, MADV_DONTNEED) == 0) {
        m_released = true;
    }
#else
    Q_UNUSED(from);
    Q_UNUSED(to);
#endif
}

void Reader::mergeEvents(Reader &&helper)
{
    for (Problem &p : helper.m_problems) {
        if (m_problems.size() >= CaseReader::MaxProblems) {
            ++(p.isError() ? m_unlistedErrors : m_unlistedWarnings);
            continue;
        }
        m_problems.append(std::move(p));
    }
    m_unlistedErrors += helper.m_unlistedErrors;
    m_unlistedWarnings += helper.m_unlistedWarnings;
    m_errors += helper.m_errors;
    for (auto it = helper.m_acceptedWarnings.cbegin(); it != helper.m_acceptedWarnings.cend(); ++it) {
        m_acceptedWarnings[it.key()] += it.value();
    }
    m_searchBudget += helper.m_searchBudget;
    for (Event &e : helper.m_case.events) {
        m_case.events.append(std::move(e));
    }
}

} // namespace AT::Reading
