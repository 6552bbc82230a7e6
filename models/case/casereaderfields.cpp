// Typed fields of the case format: keys, strings, numbers, dates, citations, ids.
#include "casereaderimpl.h"

namespace AT::Reading {

void Reader::checkKeys(const JsonObject &obj, CaseSchema::Kind kind, const Path &path)
{
    const std::span<const CaseSchema::Field> allowed = CaseSchema::fields(kind);
    obj.forEachKey([&](QUtf8StringView key) {
        if (std::any_of(allowed.begin(), allowed.end(),
                        [&](const CaseSchema::Field &a) { return sameKey(key, a.key); })) {
            return;
        }
        QStringList names;
        for (const CaseSchema::Field &a : allowed) {
            names << QString(a.key);
        }
        warning(path,
                QStringLiteral("unknown key \"%1\" is ignored and will not be saved; known keys: %2")
                    .arg(key.toString(), names.join(QStringLiteral(", "))));
    });
}

bool Reader::object(const JsonValue &v, const Path &path, JsonObject *out)
{
    if (!v.isObject()) {
        error(path, QStringLiteral("expected an object, found %1").arg(typeName(v)));
        return false;
    }
    *out = v.toObject();
    return true;
}

QString Reader::string(const JsonObject &obj, QLatin1StringView key, const Path &path, bool required)
{
    const JsonValue v = obj.value(key);
    if (v.isString()) {
        if (key == QLatin1StringView("text") && v.utf8Size() > CaseReader::MaxSourceFileBytes) {
            // Measured before it is converted: a refused text never takes the memory it would need.
            error(path.child(key),
                  QStringLiteral("the embedded text is %1 bytes of UTF-8; the limit is %2 bytes (64 MiB) per source, "
                                 "embedded or in a file; keep only the part of the source the case cites")
                      .arg(v.utf8Size())
                      .arg(CaseReader::MaxSourceFileBytes));
            return {};
        }
        QString value = v.toString();
        if (required && value.trimmed().isEmpty()) {
            error(path.child(key), QStringLiteral("must not be empty"));
        }
        if (value.size() > CaseReader::MaxFieldChars && key != QLatin1StringView("text")) {
            error(path.child(key),
                  QStringLiteral("is %1 characters long; the limit is %2 (only a source's \"text\" may be longer)")
                      .arg(value.size())
                      .arg(CaseReader::MaxFieldChars));
            return {};
        }
        return value;
    }
    if (v.isUndefined() || v.isNull()) {
        if (required) {
            error(path.child(key), QStringLiteral("is required (a string) but is %1").arg(typeName(v)));
        }
        return {};
    }
    error(path.child(key), QStringLiteral("expected a string, found %1").arg(typeName(v)));
    return {};
}

QStringList Reader::stringList(const JsonObject &obj, QLatin1StringView key, const Path &path)
{
    const JsonArray arr = array(obj, key, path, false);
    QStringList out;
    out.reserve(arr.size());
    const Path p = path.child(key);
    for (qsizetype i = 0; i < arr.size(); ++i) {
        if (!arr[i].isString()) {
            error(p.at(i), QStringLiteral("expected a string, found %1").arg(typeName(arr[i])));
            continue;
        }
        out << arr[i].toString();
    }
    return out;
}

JsonArray Reader::array(const JsonObject &obj, QLatin1StringView key, const Path &path, bool required)
{
    const JsonValue v = obj.value(key);
    if (v.isArray()) {
        return v.toArray();
    }
    if (v.isUndefined() || v.isNull()) {
        if (required) {
            error(path.child(key), QStringLiteral("is required (an array) but is %1").arg(typeName(v)));
        }
        return {};
    }
    error(path.child(key), QStringLiteral("expected an array, found %1").arg(typeName(v)));
    return {};
}

std::optional<qint64> Reader::integer(const JsonObject &obj, QLatin1StringView key, const Path &path, bool required)
{
    const JsonValue v = obj.value(key);
    if (v.isUndefined() || v.isNull()) {
        if (required) {
            error(path.child(key), QStringLiteral("is required (an integer) but is %1").arg(typeName(v)));
        }
        return std::nullopt;
    }
    const double d = v.toDouble(std::nan(""));
    constexpr double limit = 9007199254740992.0; // 2^53, exact in a double
    if (!v.isDouble() || std::isnan(d) || d != std::floor(d) || std::fabs(d) > limit) {
        error(path.child(key), QStringLiteral("expected an integer, found %1").arg(typeName(v)));
        return std::nullopt;
    }
    return static_cast<qint64>(d);
}

bool Reader::boolean(const JsonObject &obj, QLatin1StringView key, const Path &path)
{
    const JsonValue v = obj.value(key);
    if (v.isUndefined() || v.isNull()) {
        return false;
    }
    if (!v.isBool()) {
        error(path.child(key), QStringLiteral("expected true or false, found %1").arg(typeName(v)));
        return false;
    }
    return v.toBool();
}

DatePoint Reader::datePoint(const JsonObject &obj, QLatin1StringView key, const Path &path, bool *present)
{
    const JsonValue v = obj.value(key);
    if (present) {
        *present = !v.isUndefined();
    }
    if (v.isUndefined() || v.isNull()) {
        return {};
    }
    if (!v.isString()) {
        error(path.child(key),
              QStringLiteral("expected a date string (YYYY, YYYY-MM or YYYY-MM-DD), found %1").arg(typeName(v)));
        return {};
    }
    QString message;
    const auto point = DatePoint::fromIsoString(v.toString(), &message);
    if (!point) {
        error(path.child(key), message);
        return {};
    }
    return *point;
}

// "approximate": true or false for the whole date, "start" or "end" for one end of a range.
void Reader::approximation(const JsonObject &obj, const Path &path, PartialDate *date)
{
    const QLatin1StringView key("approximate");
    const JsonValue v = obj.value(key);
    if (v.isUndefined() || v.isNull()) {
        return;
    }
    if (v.isBool()) {
        date->setApproximate(v.toBool());
        return;
    }
    const QString end = v.isString() ? v.toString() : QString();
    const bool start = end == QLatin1StringView("start");
    if (!start && end != QLatin1StringView("end")) {
        error(path.child(key),
              v.isString() ? QStringLiteral("expected true, false, \"start\" or \"end\", found \"%1\"").arg(end)
                           : QStringLiteral("expected true, false, \"start\" or \"end\", found %1").arg(typeName(v)));
        return;
    }
    if (!date->isRange()) {
        error(path.child(key),
              QStringLiteral("\"%1\" is for one end of a range; a single date is approximate as a whole: use true")
                  .arg(end));
        return;
    }
    if (!(start ? date->start() : date->end()).isValid()) {
        error(path.child(key),
              QStringLiteral("the %1 is not known, so it cannot be approximate; give the %1 or use \"%2\"")
                  .arg(end, start ? QStringLiteral("end") : QStringLiteral("start")));
        return;
    }
    date->setApproximate(start ? PartialDate::Approximate::Start : PartialDate::Approximate::End);
}

PartialDate Reader::partialDate(const JsonObject &parent, QLatin1StringView key, const Path &parentPath, bool required)
{
    const JsonValue v = parent.value(key);
    const Path path = parentPath.child(key);
    if (v.isUndefined() || v.isNull()) {
        if (required) {
            error(path, QStringLiteral("is required: an object such as {\"start\": \"2024-03-25\"}"));
        }
        return {};
    }
    JsonObject obj;
    if (!object(v, path, &obj)) {
        return {};
    }
    checkKeys(obj, CaseSchema::Kind::Date, path);
    bool hasStart = false;
    bool hasEnd = false;
    const qsizetype errorsBefore = m_problems.size();
    const DatePoint start = datePoint(obj, QLatin1StringView("start"), path, &hasStart);
    const DatePoint end = datePoint(obj, QLatin1StringView("end"), path, &hasEnd);
    if (m_problems.size() != errorsBefore) {
        return {};
    }
    PartialDate date;
    const bool startNull = hasStart && obj.value(QLatin1StringView("start")).isNull();
    const bool endNull = hasEnd && obj.value(QLatin1StringView("end")).isNull();
    if (!hasStart) {
        error(path.child(QLatin1StringView("start")),
              QStringLiteral("is required; use null for an unknown start (\"end\" must then be given)"));
        return {};
    }
    if (startNull && (!hasEnd || endNull)) {
        error(path, QStringLiteral("a date needs at least one known end; give \"start\" or \"end\""));
        return {};
    }
    if (startNull) {
        date = PartialDate::openStart(end);
    } else if (endNull) {
        date = PartialDate::openEnd(start);
    } else if (hasEnd) {
        if (end.lastDay() < start.firstDay()) {
            error(path,
                  QStringLiteral("the range ends (%1) before it starts (%2); swap \"start\" and \"end\"")
                      .arg(end.toIsoString(), start.toIsoString()));
            return {};
        }
        date = PartialDate::range(start, end);
    } else {
        date = PartialDate(start);
    }
    approximation(obj, path, &date);
    date.setQualifier(string(obj, QLatin1StringView("qualifier"), path, false));

    const JsonValue pv = obj.value(QLatin1StringView("provenance"));
    if (!pv.isUndefined() && !pv.isNull()) {
        const Path pp = path.child(QLatin1StringView("provenance"));
        JsonObject po;
        if (object(pv, pp, &po)) {
            checkKeys(po, CaseSchema::Kind::Provenance, pp);
            DateProvenance prov;
            const QString kindName = string(po, QLatin1StringView("kind"), pp, true);
            if (const auto kind = provenanceKindFromName(kindName)) {
                prov.kind = *kind;
            } else if (!kindName.isEmpty()) {
                error(pp.child(QLatin1StringView("kind")),
                      QStringLiteral("unknown provenance \"%1\"; use stated, relative or inferred").arg(kindName));
            }
            prov.expression
                = string(po, QLatin1StringView("expression"), pp, prov.kind == DateProvenance::Kind::Relative);
            prov.reference = datePoint(po, QLatin1StringView("reference"), pp);
            if (prov.kind == DateProvenance::Kind::Relative && !prov.reference.isValid()) {
                error(pp.child(QLatin1StringView("reference")),
                      QStringLiteral("a relative date needs the reference date it was resolved against"));
            }
            prov.referenceNote = string(po, QLatin1StringView("note"), pp, false);
            prov.citations = citations(po, QLatin1StringView("citations"), pp);
            date.setProvenance(prov);
        }
    }
    return date;
}

std::optional<Citation> Reader::citation(const JsonValue &v, const Path &path)
{
    JsonObject obj;
    if (!object(v, path, &obj)) {
        return std::nullopt;
    }
    checkKeys(obj, CaseSchema::Kind::Citation, path);
    const qsizetype errorsAtFields = m_errors; // listed or not: the list may be full
    Citation c;
    c.sourceId = string(obj, QLatin1StringView("source"), path, true);
    // A quote read by simdjson that string() would take as it is (not blank, not too long: it holds
    // an ASCII letter or digit and is short) is converted only if it is not found verbatim at its
    // stated position; there it becomes a slice of the source text (sharedSlice), no copy.
    std::string_view rawQuote;
    const bool deferQuote = obj.value(QLatin1StringView("quote")).utf8View(&rawQuote)
        && qsizetype(rawQuote.size()) <= CaseReader::MaxFieldChars && !rawQuote.starts_with("\xEF\xBB\xBF")
        && std::any_of(rawQuote.cbegin(), rawQuote.cend(), [](char ch) {
                                return (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
                            });
    if (!deferQuote) {
        c.quote = string(obj, QLatin1StringView("quote"), path, true);
    }
    const auto src = m_sourceIndex.constFind(c.sourceId);
    // A quote from a text the case does not hold has no position to check; one may be given.
    const bool referenceOnly = src != m_sourceIndex.constEnd() ? std::as_const(m_case).sources[*src].referenceOnly
                                                               : m_brokenReferenceOnlyIds.contains(c.sourceId);
    c.start = integer(obj, QLatin1StringView("start"), path, !referenceOnly).value_or(-1);
    c.end = integer(obj, QLatin1StringView("end"), path, !referenceOnly).value_or(-1);
    if (referenceOnly && obj.contains(QLatin1StringView("start")) != obj.contains(QLatin1StringView("end"))) {
        error(path,
              QStringLiteral("give both \"start\" and \"end\" or neither; the source \"%1\" is a reference only, "
                             "so the position need not be given")
                  .arg(c.sourceId));
    }
    c.prefix = string(obj, QLatin1StringView("prefix"), path, false);
    c.suffix = string(obj, QLatin1StringView("suffix"), path, false);
    if (m_errors > errorsAtFields) {
        return std::nullopt;
    }
    if (src == m_sourceIndex.constEnd() && m_brokenSourceIds.contains(c.sourceId)) {
        return std::nullopt; // the source's own problem is already reported
    }
    if (src == m_sourceIndex.constEnd()) {
        error(path.child(QLatin1StringView("source")),
              QStringLiteral("no source has the id \"%1\"; add it to \"sources\" or fix the id").arg(c.sourceId));
        return std::nullopt;
    }
    c.sourceId = src.key(); // one shared copy of each id instead of one per citation
    const TextIndex *index = referenceOnly ? nullptr : m_textIndexes[static_cast<size_t>(*src)].get();
    if (deferQuote) {
        const qint64 u16Start = index ? index->toUtf16(c.start) : -1;
        const qint64 u16End = index ? index->toUtf16(c.end) : -1;
        if (u16Start >= 0 && u16End > u16Start
            && sameText(QStringView(index->text()).sliced(u16Start, u16End - u16Start), rawQuote)) {
            c.quote = sharedSlice(index->text(), u16Start, u16End - u16Start);
        } else {
            c.quote = stringFromUtf8(rawQuote);
        }
    }
    if (referenceOnly) {
        // Not a fault to fix: the check report counts these, the views say so where they show them.
        c.anchor = Citation::Anchor::ReferenceOnly;
        return c;
    }
    if (!index) {
        return c; // the source text could not be loaded; that problem is already reported
    }
    const bool positionsValid = c.start >= 0 && c.end >= c.start && c.end <= index->codePointLength();
    const AnchorResult result = isAtStatedPosition(c, *index) ? anchorCitation(c, *index) : search(*src, c, *index);
    applyAnchor(c, result);
    switch (c.anchor) {
    case Citation::Anchor::Exact:
        break;
    case Citation::Anchor::Unchecked:
        warning(path,
                QStringLiteral("re-anchoring was stopped: the quote is not at its stated position [%1, %2) of source "
                               "\"%3\", and this case's misplaced quotes have used up the search allowed per load "
                               "(%4 characters of source text); put the quote's right \"start\" and \"end\" in "
                               "the file")
                    .arg(QString::number(c.start), QString::number(c.end), c.sourceId,
                         QString::number(CaseReader::MaxQuoteSearchChars)));
        break;
    case Citation::Anchor::Reanchored:
        warning(path,
                QStringLiteral("the quote is not at its stated position [%1, %2)%3 but at [%4, %5) of source \"%6\"; "
                               "the app uses the found position; set \"start\" and \"end\" in the file to match")
                    .arg(c.statedStart)
                    .arg(c.statedEnd)
                    .arg(positionsValid ? QString() : QStringLiteral(", which is not a valid range of the text"))
                    .arg(c.start)
                    .arg(c.end)
                    .arg(c.sourceId));
        break;
    case Citation::Anchor::Ambiguous:
        warning(path,
                QStringLiteral("the quote occurs more than once in source \"%1\" and neither its position nor its "
                               "prefix/suffix single one out; fix \"start\"/\"end\" or the context")
                    .arg(c.sourceId));
        break;
    case Citation::Anchor::ReferenceOnly: // returned above
        break;
    case Citation::Anchor::Orphaned:
        warning(path.child(QLatin1StringView("quote")),
                QStringLiteral("the quote is not in source \"%1\" (compared verbatim); correct it to the source's "
                               "exact words")
                    .arg(c.sourceId));
        break;
    }
    return c;
}

QList<Citation> Reader::citations(const JsonObject &obj, QLatin1StringView key, const Path &path, bool *listed)
{
    const JsonArray arr = array(obj, key, path, false);
    if (listed) {
        *listed = !arr.isEmpty();
    }
    QList<Citation> out;
    out.reserve(arr.size());
    const Path p = path.child(key);
    for (qsizetype i = 0; i < arr.size(); ++i) {
        if (auto c = citation(arr[i], p.at(i))) {
            out.append(std::move(*c));
        }
    }
    return out;
}

QString duplicateIdMessage(const QString &what, const QString &id)
{
    return QStringLiteral("duplicate %1 id \"%2\"; every %1 needs its own id").arg(what, id);
}

QString Reader::id(const JsonObject &obj, const Path &path, QSet<QString> &seen, const QString &what)
{
    const QString value = string(obj, QLatin1StringView("id"), path, true);
    if (value.isEmpty()) {
        return value;
    }
    if (seen.contains(value)) {
        error(path.child(QLatin1StringView("id")), duplicateIdMessage(what, value));
    }
    seen.insert(value);
    return value;
}

QList<AcceptedWarning> Reader::acceptedWarnings(const JsonObject &obj, const Path &path)
{
    const JsonArray arr = array(obj, QLatin1StringView("acceptedWarnings"), path, false);
    const Path ap = path.child(QLatin1StringView("acceptedWarnings"));
    QList<AcceptedWarning> out;
    out.reserve(arr.size());
    for (qsizetype i = 0; i < arr.size(); ++i) {
        JsonObject ao;
        if (!object(arr[i], ap.at(i), &ao)) {
            continue;
        }
        checkKeys(ao, CaseSchema::Kind::AcceptedWarning, ap.at(i));
        AcceptedWarning accepted;
        accepted.rule = string(ao, QLatin1StringView("rule"), ap.at(i), true);
        accepted.reason = string(ao, QLatin1StringView("reason"), ap.at(i), true);
        if (!accepted.rule.isEmpty() && !CheckRule::isKnown(accepted.rule)) {
            error(ap.at(i).child(QLatin1StringView("rule")),
                  QStringLiteral("unknown rule \"%1\"; the rules that can be accepted are %2")
                      .arg(accepted.rule, CheckRule::knownList()));
        }
        out.append(std::move(accepted));
    }
    return out;
}

void Reader::actorRef(const QString &actorId, const Path &path)
{
    if (!actorId.isEmpty() && !m_actorIds.contains(actorId)) {
        error(path, QStringLiteral("no actor has the id \"%1\"; add it to \"actors\" or fix the id").arg(actorId));
    }
}

} // namespace AT::Reading
