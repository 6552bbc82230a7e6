#include "timelinejs.h"

#include "anchoring.h"
#include "htmltext.h"
#include "markup.h"

#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

#include <cmath>
#include <cstdlib>
#include <optional>

namespace AT {

// ---------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------

namespace {

// Multi-line case text in a paragraph: escaped, its line breaks as <br>.
QString tljsLines(QStringView text)
{
    return markupEscaped(text.trimmed()).replace(QLatin1Char('\n'), QLatin1String(" <br>"));
}

// TimelineJS's linkify turns "www.…" up to the next white space into a link; were our own markup
// right behind case text ("www.x</p>"), the link would swallow it. A line break before every tag
// (every '<' here is ours: case text is escaped) keeps each link inside its own text.
QString tljsBreakBeforeTags(const QString &html)
{
    QString out;
    out.reserve(html.size() + html.size() / 16);
    for (qsizetype i = 0; i < html.size(); ++i) {
        if (html.at(i) == QLatin1Char('<') && i > 0 && !html.at(i - 1).isSpace()
            && html.at(i - 1) != QLatin1Char('>')) {
            out += QLatin1Char('\n');
        }
        out += html.at(i);
    }
    return out;
}

QJsonObject tljsDateObject(const DatePoint &point)
{
    QJsonObject o;
    o.insert(QStringLiteral("year"), point.year());
    if (point.precision() >= DatePoint::Precision::Month) {
        o.insert(QStringLiteral("month"), point.month());
    }
    if (point.precision() == DatePoint::Precision::Day) {
        o.insert(QStringLiteral("day"), point.day());
    }
    return o;
}

bool tljsIsUncertain(const PartialDate &date)
{
    return date.isApproximate() || !date.qualifier().isEmpty() || date.isOpenStart() || date.isOpenEnd()
        || date.provenance().kind != DateProvenance::Kind::Stated;
}

// The date as the slide shows it, for dates TimelineJS's own year/month/day cannot say.
QString tljsDisplayDate(const PartialDate &date)
{
    QString text = date.toDisplayString();
    if (!date.qualifier().isEmpty()) {
        text += QStringLiteral(" (%1)").arg(date.qualifier());
    }
    const DateProvenance &p = date.provenance();
    if (p.kind == DateProvenance::Kind::Relative) {
        text += p.expression.isEmpty() ? QStringLiteral(", a relative date")
                                       : QStringLiteral(", from \u201c%1\u201d").arg(p.expression);
    } else if (p.kind == DateProvenance::Kind::Inferred) {
        text += QStringLiteral(", inferred");
    }
    return text;
}

const Participant *tljsLaneParticipant(const Event &event)
{
    for (const QLatin1StringView role : {QLatin1StringView("attacker"), QLatin1StringView("accused")}) {
        for (const Participant &p : event.participants) {
            if (p.role.compare(role, Qt::CaseInsensitive) == 0) {
                return &p;
            }
        }
    }
    return event.participants.isEmpty() ? nullptr : &event.participants.first();
}

QString tljsActorName(const Case &kase, const QString &actorId)
{
    const Actor *actor = kase.actor(actorId);
    return actor ? actor->name : actorId;
}

bool tljsIsWebUrl(const QString &url)
{
    const QUrl u(url, QUrl::StrictMode);
    const QString scheme = u.scheme().toLower();
    return u.isValid() && (scheme == QLatin1String("http") || scheme == QLatin1String("https")) && !u.host().isEmpty();
}

// "— <a href=…>Title</a> · Publisher · 25 Mar 2024" for one citation's source.
QString tljsSourceLine(const Case &kase, const QString &sourceId)
{
    const Source *source = kase.source(sourceId);
    if (!source) {
        return QStringLiteral("source ") + markupEscaped(sourceId);
    }
    QString title = markupEscaped(displayTitle(*source));
    if (tljsIsWebUrl(source->url)) {
        title = QStringLiteral("<a href=\"%1\">%2</a>").arg(markupEscaped(source->url), title);
    }
    QStringList parts {title};
    parts << (source->publisher.isEmpty() ? QStringLiteral("publisher unknown")
                                          : QStringLiteral("publisher: ") + markupEscaped(source->publisher));
    parts << (source->published.isValid() ? QStringLiteral("published ") + source->published.toDisplayString()
                                          : QStringLiteral("publication date unknown"));
    if (!source->url.isEmpty() && !tljsIsWebUrl(source->url)) {
        parts << QStringLiteral("address: ") + markupEscaped(source->url);
    }
    return parts.join(QStringLiteral(" \u00b7 "));
}

QString tljsEventHtml(const Case &kase, const Event &event)
{
    QString html;
    if (!event.summary.trimmed().isEmpty()) {
        html += QStringLiteral("<p>%1</p>").arg(tljsLines(event.summary));
    }
    html += QStringLiteral("<p><b>When:</b> %1</p>").arg(markupEscaped(event.date.describe()));
    html += QStringLiteral("<p><b>Category:</b> %1</p>").arg(markupEscaped(event.category));
    if (!event.participants.isEmpty()) {
        QStringList who;
        for (const Participant &p : event.participants) {
            who << QStringLiteral("%1 (%2)").arg(markupEscaped(tljsActorName(kase, p.actorId)), markupEscaped(p.role));
        }
        html += QStringLiteral("<p><b>Who:</b> %1</p>").arg(who.join(QStringLiteral(", ")));
    }
    for (const Citation &c : event.citations) {
        html += QStringLiteral("<blockquote>%1</blockquote><p>\u2014 %2</p>")
                    .arg(tljsLines(c.quote), tljsSourceLine(kase, c.sourceId));
    }
    for (const QString &id : event.disagreements) {
        const Disagreement *d = kase.disagreement(id);
        if (!d) {
            continue;
        }
        html += QStringLiteral("<p><b>%1:</b> %2</p><ul>")
                    .arg(markupEscaped(disagreementKindLabel(d->kind)), markupEscaped(d->question));
        for (const DisagreementVersion &v : d->versions) {
            QStringList from;
            for (const Citation &c : v.citations) {
                const Source *s = kase.source(c.sourceId);
                const QString name = s ? displayTitle(*s) : c.sourceId;
                if (!from.contains(name)) {
                    from << name;
                }
            }
            html += QStringLiteral("<li>%1").arg(markupEscaped(v.statement));
            if (!from.isEmpty()) {
                html += QStringLiteral(" (%1)").arg(markupEscaped(from.join(QStringLiteral("; "))));
            }
            html += QStringLiteral("</li>");
        }
        html += QStringLiteral("</ul>");
    }
    return tljsBreakBeforeTags(html);
}

} // namespace

QString timelineJsUniqueId(const QString &eventId)
{
    QString out;
    const QByteArray utf8 = eventId.toUtf8();
    for (const char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
            || c == '.' || c == ':') {
            out += QLatin1Char(static_cast<char>(c));
        } else {
            out += QStringLiteral("%%1").arg(c, 2, 16, QLatin1Char('0')).toUpper();
        }
    }
    return out;
}

QString eventIdFromTimelineJs(const QString &uniqueId)
{
    // Only a string our own encoding could have written is decoded; anything else stays as it is.
    static const QRegularExpression encoded(QStringLiteral("^(?:[A-Za-z0-9_.:-]|%[0-9A-F]{2})*$"));
    if (!uniqueId.contains(QLatin1Char('%')) || !encoded.match(uniqueId).hasMatch()) {
        return uniqueId;
    }
    const QByteArray bytes = QByteArray::fromPercentEncoding(uniqueId.toLatin1());
    const QString decoded = QString::fromUtf8(bytes);
    return decoded.toUtf8() == bytes ? decoded : uniqueId; // not UTF-8: keep the id as written
}

QByteArray timelineJsJson(const Case &kase, TimelineLane lane, QStringList *notes)
{
    QJsonArray slides;
    QStringList unplaced;
    QSet<QString> ids;
    qsizetype openStarts = 0;
    qsizetype uncertain = 0;
    for (const Event &event : kase.events) {
        const PartialDate &date = event.date;
        if (!date.isValid()) {
            unplaced << event.title;
            continue;
        }
        QJsonObject slide;
        const QString uniqueId = timelineJsUniqueId(event.id);
        ids.insert(uniqueId);
        slide.insert(QStringLiteral("unique_id"), uniqueId);
        if (date.isOpenStart()) {
            // TimelineJS needs a start: the known end stands in for it, and display_date says so.
            slide.insert(QStringLiteral("start_date"), tljsDateObject(date.end()));
            ++openStarts;
        } else {
            slide.insert(QStringLiteral("start_date"), tljsDateObject(date.start()));
            if (date.end().isValid() && date.end() != date.start()) {
                slide.insert(QStringLiteral("end_date"), tljsDateObject(date.end()));
            }
        }
        if (tljsIsUncertain(date)) {
            // TimelineJS strips the markup of display_date and group, then shows the rest as HTML:
            // escaped twice, case text comes out as text.
            slide.insert(QStringLiteral("display_date"), markupEscaped(markupEscaped(tljsDisplayDate(date))));
            ++uncertain;
        }
        QString group;
        if (lane == TimelineLane::Category) {
            group = event.category.trimmed().isEmpty() ? QStringLiteral("(no category)") : event.category;
        } else if (lane == TimelineLane::Actor) {
            const Participant *p = tljsLaneParticipant(event);
            group = p ? tljsActorName(kase, p->actorId) : QStringLiteral("(no actor named)");
        }
        if (lane != TimelineLane::None) {
            slide.insert(QStringLiteral("group"), markupEscaped(markupEscaped(group)));
        }
        QJsonObject text;
        text.insert(QStringLiteral("headline"), markupEscaped(event.title));
        text.insert(QStringLiteral("text"), tljsEventHtml(kase, event));
        slide.insert(QStringLiteral("text"), text);
        slides.append(slide);
    }

    // The title slide's id must differ from every event's, or TimelineJS renames the event's.
    QString titleId = QStringLiteral("title");
    for (int n = 2; ids.contains(titleId); ++n) {
        titleId = QStringLiteral("title-%1").arg(n);
    }
    QString titleHtml;
    if (!kase.description.trimmed().isEmpty()) {
        titleHtml += QStringLiteral("<p>%1</p>").arg(tljsLines(kase.description));
    }
    if (!unplaced.isEmpty()) {
        QStringList names;
        for (const QString &t : std::as_const(unplaced)) {
            names << QStringLiteral("<li>%1</li>").arg(markupEscaped(t));
        }
        titleHtml += QStringLiteral("<p>Not on this timeline because the case gives no date for them:</p><ul>%1</ul>")
                         .arg(names.join(QString()));
    }
    QJsonObject titleText;
    titleText.insert(QStringLiteral("headline"), markupEscaped(kase.title));
    titleText.insert(QStringLiteral("text"), tljsBreakBeforeTags(titleHtml));
    QJsonObject title;
    title.insert(QStringLiteral("unique_id"), titleId);
    title.insert(QStringLiteral("text"), titleText);

    QJsonObject root;
    root.insert(QStringLiteral("title"), title);
    root.insert(QStringLiteral("events"), slides);

    if (notes) {
        notes->append(QStringLiteral("%1 of %2 events are slides of the TimelineJS file, after a title slide.")
                          .arg(slides.size())
                          .arg(kase.events.size()));
        if (!unplaced.isEmpty()) {
            notes->append(QStringLiteral("%1 events have no date TimelineJS can place and were left out (they are "
                                         "named on the title slide): %2.")
                              .arg(unplaced.size())
                              .arg(unplaced.join(QStringLiteral("; "))));
        }
        if (openStarts > 0) {
            notes->append(QStringLiteral("%1 events have an unknown start; TimelineJS needs one, so each is placed at "
                                         "its known end and its display date says the start is unknown.")
                              .arg(openStarts));
        }
        if (uncertain > 0) {
            notes->append(QStringLiteral("%1 events have an uncertain date (approximate, qualified, open or not "
                                         "stated as such); their slides show it in words (display_date).")
                              .arg(uncertain));
        }
        notes->append(lane == TimelineLane::None
                          ? QStringLiteral("No groups: TimelineJS stacks the slides in rows of its "
                                           "own; categories and actors are in each slide's text.")
                          : lane == TimelineLane::Category
                          ? QStringLiteral("Each slide's group is its event's category.")
                          : QStringLiteral("Each slide's group is one actor of its event: the first attacker, else "
                                           "the first accused, else the first participant; TimelineJS has one group "
                                           "per slide, so the other actors are named in the slide's text only."));
    }
    // '<' as \u003c: the JSON can be pasted into a <script> element without ending it.
    return QJsonDocument(root).toJson(QJsonDocument::Indented).replace("<", "\\u003c");
}

// ---------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------

namespace {

constexpr int tljsMinYear = 1;
constexpr int tljsMaxYear = 9999;

QString tljsTypeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

// TimelineJS's text fields as a reader sees them: the HTML reduced to its text.
QString tljsPlain(const QString &html)
{
    if (html.trimmed().isEmpty()) {
        return {};
    }
    return extractHtml(html).text.trimmed();
}

// group and display_date: TimelineJS takes the text of the markup, then shows that as HTML.
QString tljsPlainTwice(const QString &html)
{
    return tljsPlain(tljsPlain(html));
}

QString tljsOneLine(const QString &text)
{
    return text.simplified();
}

struct TljsDate
{
    bool present = false;
    qint64 year = 0;
    int month = 0; // 0: not given
    int day = 0;
    bool time = false; // hour, minute, second or millisecond given
    QString displayDate;

    QString written() const
    {
        QString s = QString::number(year);
        if (month > 0) {
            s += QStringLiteral("-%1").arg(month, 2, 10, QLatin1Char('0'));
        }
        if (day > 0 && month > 0) {
            s += QStringLiteral("-%1").arg(day, 2, 10, QLatin1Char('0'));
        }
        return s;
    }
    bool inRange() const { return year >= tljsMinYear && year <= tljsMaxYear; }
    DatePoint point() const
    {
        if (month > 0 && day > 0) {
            return DatePoint::fromDate(int(year), month, day);
        }
        if (month > 0) {
            return DatePoint::fromYearMonth(int(year), month);
        }
        return DatePoint::fromYear(int(year));
    }
};

struct TljsSlide
{
    QString path; // "events[3]", "eras[0]", "title"
    bool era = false;
    int index = 0;
    QString headline;
    QString text;
    QString group;
    QString uniqueId;
    QString displayDate;
    TljsDate start;
    TljsDate end;
    bool media = false;
    qsizetype blockStart = -1; // UTF-16 range of its block in the source text
    qsizetype blockEnd = -1;
};

class TljsReader
{
public:
    TljsReader(QString fileName)
        : m_file(std::move(fileName))
    { }

    QList<Problem> problems;
    QStringList notes;
    qsizetype timeParts = 0;

    void error(const QString &path, const QString &message)
    {
        problems.append(Problem {Problem::Severity::Error, m_file, path, 0, 0, message});
    }
    void warning(const QString &path, const QString &message)
    {
        problems.append(Problem {Problem::Severity::Warning, m_file, path, 0, 0, message});
    }

    // A string field, or empty when absent or null; anything else is an error.
    QString string(const QJsonObject &obj, const QString &key, const QString &path)
    {
        const QJsonValue v = obj.value(key);
        if (v.isUndefined() || v.isNull()) {
            return {};
        }
        if (!v.isString()) {
            error(path + QLatin1Char('.') + key,
                  QStringLiteral("expected a string, found %1; TimelineJS reads \"%2\" as text: write it in quotes")
                      .arg(tljsTypeName(v), key));
            return {};
        }
        return v.toString();
    }

    // One part of a TimelineJS date: a whole number, or a string of digits with an optional minus,
    // as TimelineJS itself accepts (anything else is its "invalid_date_err").
    std::optional<qint64> datePart(const QJsonObject &obj, const QString &key, const QString &path, bool *ok)
    {
        const QJsonValue v = obj.value(key);
        const QString where = path + QLatin1Char('.') + key;
        if (v.isUndefined() || v.isNull()) {
            return std::nullopt;
        }
        if (v.isDouble()) {
            const double d = v.toDouble();
            if (d != std::floor(d) || std::fabs(d) > 9007199254740992.0) {
                error(where,
                      QStringLiteral("expected a whole number, found %1; TimelineJS needs whole numbers for "
                                     "the parts of a date")
                          .arg(d));
                *ok = false;
                return std::nullopt;
            }
            return qint64(d);
        }
        if (v.isString()) {
            const QString s = v.toString().trimmed();
            static const QRegularExpression digits(QStringLiteral("^-?[0-9]*$"));
            if (!digits.match(s).hasMatch()) {
                error(where,
                      QStringLiteral("\"%1\" is not a number; TimelineJS refuses it (invalid_date_err): write "
                                     "the %2 as digits only, e.g. %3")
                          .arg(v.toString(), key,
                               key == QLatin1String("year")        ? QStringLiteral("\"2024\"")
                                   : key == QLatin1String("month") ? QStringLiteral("\"3\" for March")
                                                                   : QStringLiteral("\"25\"")));
                *ok = false;
                return std::nullopt;
            }
            if (s.isEmpty() || s == QLatin1String("-")) {
                return std::nullopt;
            }
            bool parsed = false;
            const qint64 n = s.toLongLong(&parsed);
            if (!parsed || std::llabs(n) > 9007199254740992LL) {
                error(where,
                      QStringLiteral("\"%1\" is too large a number for a date; TimelineJS cannot place it "
                                     "either: give a smaller %2")
                          .arg(s, key));
                *ok = false;
                return std::nullopt;
            }
            return n;
        }
        error(where, QStringLiteral("expected a number or a string of digits, found %1").arg(tljsTypeName(v)));
        *ok = false;
        return std::nullopt;
    }

    TljsDate date(const QJsonObject &slide, const QString &key, const QString &path)
    {
        TljsDate out;
        const QJsonValue v = slide.value(key);
        if (v.isUndefined() || v.isNull()) {
            return out;
        }
        const QString where = path + QLatin1Char('.') + key;
        if (!v.isObject()) {
            error(where,
                  QStringLiteral("expected an object such as {\"year\": 2024, \"month\": 3, \"day\": 25}, found "
                                 "%1")
                      .arg(tljsTypeName(v)));
            return out;
        }
        const QJsonObject o = v.toObject();
        bool ok = true;
        const auto year = datePart(o, QStringLiteral("year"), where, &ok);
        const auto month = datePart(o, QStringLiteral("month"), where, &ok);
        const auto day = datePart(o, QStringLiteral("day"), where, &ok);
        for (const char *part : {"hour", "minute", "second", "millisecond"}) {
            if (datePart(o, QLatin1String(part), where, &ok)) {
                out.time = true;
            }
        }
        out.displayDate = string(o, QStringLiteral("display_date"), where);
        if (!ok) {
            return out;
        }
        if (!year) {
            error(where + QStringLiteral(".year"),
                  QStringLiteral("is required: TimelineJS places a slide by its year; add \"year\""));
            return out;
        }
        out.year = *year;
        if (month && (*month < 1 || *month > 12)) {
            error(where + QStringLiteral(".month"), QStringLiteral("%1 is not a month; write 1 to 12").arg(*month));
            return out;
        }
        out.month = month ? int(*month) : 0;
        if (day) {
            if (!month) {
                warning(where + QStringLiteral(".day"),
                        QStringLiteral("a day without a month cannot be placed; the date is kept to its year"));
            } else if (out.inRange() && (*day < 1 || *day > QDate(int(out.year), out.month, 1).daysInMonth())) {
                error(where + QStringLiteral(".day"),
                      QStringLiteral("%1-%2 has no day %3; correct the day")
                          .arg(out.year)
                          .arg(out.month, 2, 10, QLatin1Char('0'))
                          .arg(*day));
                return out;
            } else if (*day < 1 || *day > 31) {
                error(where + QStringLiteral(".day"),
                      QStringLiteral("%1 is not a day of a month; write 1 to 31").arg(*day));
                return out;
            } else {
                out.day = int(*day);
            }
        }
        if (out.time) {
            ++timeParts;
        }
        out.present = true;
        return out;
    }

    std::optional<TljsSlide> slide(const QJsonValue &v, const QString &path, bool era, int index)
    {
        if (!v.isObject()) {
            error(path, QStringLiteral("expected an object (a slide), found %1").arg(tljsTypeName(v)));
            return std::nullopt;
        }
        const QJsonObject o = v.toObject();
        TljsSlide s;
        s.path = path;
        s.era = era;
        s.index = index;
        const QJsonValue text = o.value(QStringLiteral("text"));
        if (text.isObject()) {
            const QString textPath = path + QStringLiteral(".text");
            s.headline = string(text.toObject(), QStringLiteral("headline"), textPath);
            s.text = string(text.toObject(), QStringLiteral("text"), textPath);
        } else if (!text.isUndefined() && !text.isNull()) {
            error(
                path + QStringLiteral(".text"),
                QStringLiteral("expected an object {\"headline\": …, \"text\": …}, found %1").arg(tljsTypeName(text)));
        }
        s.group = string(o, QStringLiteral("group"), path);
        s.uniqueId = string(o, QStringLiteral("unique_id"), path);
        s.displayDate = string(o, QStringLiteral("display_date"), path);
        s.media = o.contains(QStringLiteral("media")) || o.contains(QStringLiteral("background"));
        if (path != QLatin1String("title")) {
            s.start = date(o, QStringLiteral("start_date"), path);
            s.end = date(o, QStringLiteral("end_date"), path);
            if (era && !o.contains(QStringLiteral("start_date"))) {
                error(path + QStringLiteral(".start_date"),
                      QStringLiteral("an era needs a start_date and an end_date (TimelineJS refuses it too)"));
            }
            if (era && !o.contains(QStringLiteral("end_date"))) {
                error(path + QStringLiteral(".end_date"),
                      QStringLiteral("an era needs a start_date and an end_date (TimelineJS refuses it too)"));
            }
        }
        return s;
    }

private:
    QString m_file;
};

QString tljsSlideName(const TljsSlide &s)
{
    const QString headline = tljsOneLine(tljsPlain(s.headline));
    return headline.isEmpty() ? s.path : QStringLiteral("%1 (\u201c%2\u201d)").arg(s.path, headline);
}

// The block of the source text a slide becomes: its date as written, its headline, its text.
QString tljsBlock(const TljsSlide &s)
{
    QStringList lines;
    if (s.start.present) {
        QString when = s.start.written();
        if (s.end.present) {
            when += QStringLiteral(" to ") + s.end.written();
        }
        const QString display = tljsPlainTwice(s.displayDate);
        lines << (display.isEmpty() ? when : QStringLiteral("%1 (%2)").arg(display, when));
    }
    const QString headline = tljsPlain(s.headline);
    if (!headline.isEmpty()) {
        lines << headline;
    }
    const QString text = tljsPlain(s.text);
    if (!text.isEmpty()) {
        lines << text;
    }
    return lines.join(QLatin1Char('\n'));
}

QString tljsUniqueIn(QSet<QString> &taken, const QString &wanted)
{
    QString id = wanted;
    for (int n = 2; taken.contains(id); ++n) {
        id = QStringLiteral("%1-%2").arg(wanted).arg(n);
    }
    taken.insert(id);
    return id;
}

} // namespace

Conversion caseFromTimelineJs(const QByteArray &json, const QString &fileName, TimelineLane lane)
{
    Conversion out;
    TljsReader reader(fileName);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        Problem p {Problem::Severity::Error,
                   fileName,
                   QString(),
                   1,
                   1,
                   QStringLiteral("not valid JSON (%1); a TimelineJS file is one JSON object with an \"events\" array")
                       .arg(parseError.errorString())};
        // Qt reports the offset just past the offending character; point at the character itself.
        const QByteArray before = json.left(std::max(0, parseError.offset - 1));
        p.line = int(before.count('\n')) + 1;
        p.column = int(QString::fromUtf8(before.mid(before.lastIndexOf('\n') + 1)).size()) + 1;
        out.problems.append(p);
        return out;
    }
    if (!doc.isObject()) {
        reader.error(QString(),
                     QStringLiteral("expected a JSON object with an \"events\" array, found %1")
                         .arg(doc.isArray() ? QStringLiteral("an array") : QStringLiteral("something else")));
        out.problems = reader.problems;
        return out;
    }
    const QJsonObject root = doc.object();
    const QJsonValue eventsValue = root.value(QStringLiteral("events"));
    if (!eventsValue.isArray()) {
        reader.error(QStringLiteral("events"),
                     QStringLiteral("is required (an array of slides) but is %1; a TimelineJS file lists its slides "
                                    "in \"events\"")
                         .arg(tljsTypeName(eventsValue)));
    }
    const QJsonValue erasValue = root.value(QStringLiteral("eras"));
    if (!erasValue.isUndefined() && !erasValue.isNull() && !erasValue.isArray()) {
        reader.error(QStringLiteral("eras"),
                     QStringLiteral("expected an array of eras, found %1").arg(tljsTypeName(erasValue)));
    }
    std::optional<TljsSlide> title;
    const QJsonValue titleValue = root.value(QStringLiteral("title"));
    if (!titleValue.isUndefined() && !titleValue.isNull()) {
        title = reader.slide(titleValue, QStringLiteral("title"), false, 0);
    }
    QList<TljsSlide> slides;
    const QJsonArray events = eventsValue.toArray();
    for (qsizetype i = 0; i < events.size(); ++i) {
        if (auto s = reader.slide(events[i], QStringLiteral("events[%1]").arg(i), false, int(i))) {
            slides.append(*s);
        }
    }
    const QJsonArray eras = erasValue.toArray();
    for (qsizetype i = 0; i < eras.size(); ++i) {
        if (auto s = reader.slide(eras[i], QStringLiteral("eras[%1]").arg(i), true, int(i))) {
            slides.append(*s);
        }
    }
    if (hasErrors(reader.problems)) {
        out.problems = reader.problems;
        return out;
    }

    // The source: the file's slides as plain text, one block per slide, in the file's order.
    Source source;
    source.id = QStringLiteral("timelinejs");
    QString sourceText;
    auto addBlock = [&](TljsSlide &s) {
        const QString block = tljsBlock(s);
        if (block.isEmpty()) {
            return;
        }
        if (!sourceText.isEmpty()) {
            sourceText += QStringLiteral("\n\n");
        }
        s.blockStart = sourceText.size();
        sourceText += block;
        s.blockEnd = sourceText.size();
    };
    if (title) {
        addBlock(*title);
        source.title = tljsOneLine(tljsPlain(title->headline));
    }
    for (TljsSlide &s : slides) {
        addBlock(s);
    }
    source.text = sourceText;
    source.sha256 = sha256Hex(sourceText);
    const TextIndex index(source.text);

    Case &kase = out.kase;
    kase.title = source.title.isEmpty() ? QFileInfo(fileName).fileName() : source.title;
    if (kase.title.trimmed().isEmpty()) {
        kase.title = QStringLiteral("TimelineJS file");
    }
    if (title) {
        kase.description = tljsPlain(title->text);
    }

    QSet<QString> eventIds;
    QSet<QString> actorIds;
    QStringList groupsSeen;
    qsizetype media = title && title->media ? 1 : 0;
    qsizetype renamed = 0;
    qsizetype left = 0;
    qsizetype eventSlides = 0;
    qsizetype eraSlides = 0;
    for (const TljsSlide &s : std::as_const(slides)) {
        media += s.media ? 1 : 0;
        if (!s.start.present) {
            reader.warning(
                s.path + QStringLiteral(".start_date"),
                QStringLiteral("the slide has no start_date; TimelineJS skips it and so does the import (its "
                               "text is in the source); add a start_date to place it"));
            out.notes << QStringLiteral("Slide %1 has no start date and was left out, as TimelineJS leaves it out; "
                                        "its text is in the source.")
                             .arg(tljsSlideName(s));
            ++left;
            continue;
        }
        if (!s.start.inRange()) {
            out.notes << QStringLiteral("Slide %1 was left out: its start year %2 is outside the years a case can "
                                        "hold (%3 to %4, of the common era); its text is in the source.")
                             .arg(tljsSlideName(s))
                             .arg(s.start.year)
                             .arg(tljsMinYear)
                             .arg(tljsMaxYear);
            ++left;
            continue;
        }
        Event e;
        const QString wantedId = eventIdFromTimelineJs(s.uniqueId.trimmed());
        const QString fallback
            = QStringLiteral("%1-%2").arg(s.era ? QStringLiteral("era") : QStringLiteral("slide")).arg(s.index + 1);
        e.id = tljsUniqueIn(eventIds, wantedId.isEmpty() ? fallback : wantedId);
        if (!wantedId.isEmpty() && e.id != wantedId) {
            out.notes << QStringLiteral("Slide %1 has the unique_id \u201c%2\u201d of an earlier slide; its event is "
                                        "\u201c%3\u201d.")
                             .arg(tljsSlideName(s), wantedId, e.id);
            ++renamed;
        }
        e.title = tljsOneLine(tljsPlain(s.headline));
        e.summary = tljsPlain(s.text);
        if (e.title.isEmpty()) {
            const QStringList words = tljsOneLine(e.summary).split(QLatin1Char(' '), Qt::SkipEmptyParts);
            e.title = words.isEmpty() ? QStringLiteral("%1 (no headline)").arg(s.path)
                                      : QStringLiteral("%1 (no headline)").arg(words.mid(0, 8).join(QLatin1Char(' ')));
        }
        // Dates: the precision is the parts the slide gives.
        const DatePoint start = s.start.point();
        PartialDate date(start);
        if (s.end.present) {
            if (!s.end.inRange()) {
                date = PartialDate::openEnd(start);
                reader.warning(s.path + QStringLiteral(".end_date.year"),
                               QStringLiteral("the end year %1 is outside the years a case can hold (%2 to %3); the "
                                              "event keeps its start and an unknown end")
                                   .arg(s.end.year)
                                   .arg(tljsMinYear)
                                   .arg(tljsMaxYear));
            } else {
                const DatePoint end = s.end.point();
                if (end.lastDay() < start.firstDay()) {
                    reader.warning(s.path + QStringLiteral(".end_date"),
                                   QStringLiteral("the end (%1) is before the start (%2); TimelineJS accepts that, a "
                                                  "case does not: the end is left out (swap them in the file to keep "
                                                  "the range)")
                                       .arg(end.toIsoString(), start.toIsoString()));
                } else if (end != start) {
                    date = PartialDate::range(start, end);
                }
            }
        }
        QString display = tljsOneLine(tljsPlainTwice(s.displayDate));
        if (display.isEmpty()) {
            const QString from = tljsOneLine(tljsPlainTwice(s.start.displayDate));
            const QString to = tljsOneLine(tljsPlainTwice(s.end.displayDate));
            display = to.isEmpty() ? from : QStringLiteral("%1 \u2013 %2").arg(from, to);
        }
        if (!display.isEmpty() && display != date.toDisplayString()) {
            date.setQualifier(display);
        }
        e.date = date;

        const QString group = tljsOneLine(tljsPlainTwice(s.group));
        if (!group.isEmpty() && !groupsSeen.contains(group)) {
            groupsSeen << group;
        }
        if (lane != TimelineLane::Actor || s.era) {
            e.category = s.era    ? QStringLiteral("TimelineJS era")
                : group.isEmpty() ? QStringLiteral("(no group)")
                                  : group;
        } else {
            e.category = QStringLiteral("TimelineJS slide");
            if (!group.isEmpty()) {
                if (!actorIds.contains(group)) {
                    actorIds.insert(group);
                    Actor a;
                    a.id = group;
                    a.name = group;
                    a.kind = QStringLiteral("unknown");
                    a.description = QStringLiteral("A group of slides in the TimelineJS file.");
                    kase.actors.append(a);
                }
                e.participants.append(Participant {group, QStringLiteral("unknown")});
            }
        }
        if (s.blockStart >= 0) {
            e.citations.append(citationOf(source.id, index, s.blockStart, s.blockEnd));
        }
        kase.events.append(e);
        (s.era ? eraSlides : eventSlides) += 1;
    }
    if (!source.text.isEmpty()) {
        kase.sources.append(source); // a source must have text: a file without any has none
    }

    QStringList summary;
    summary << QStringLiteral("Imported %1 of %2 slides and %3 of %4 eras of the TimelineJS file as events.")
                   .arg(eventSlides)
                   .arg(events.size())
                   .arg(eraSlides)
                   .arg(eras.size());
    if (!source.text.isEmpty()) {
        summary << QStringLiteral(
                       "The file itself is the case's only source%1: its slides as plain text, one block per "
                       "slide, and every event cites its own slide. The file names no publisher, address or "
                       "date, so they are unknown; headlines and text were HTML, kept as their plain text.")
                       .arg(source.title.isEmpty() ? QString() : QStringLiteral(" (\u201c%1\u201d)").arg(source.title));
    } else {
        summary << QStringLiteral("The file has no text, so the case has no source.");
    }
    if (lane != TimelineLane::Actor) {
        summary << QStringLiteral("%1 groups became categories%2; slides without a group are in the category "
                                  "\u201c(no group)\u201d, eras in \u201cTimelineJS era\u201d.")
                       .arg(groupsSeen.size())
                       .arg(groupsSeen.isEmpty() ? QString()
                                                 : QStringLiteral(" (%1)").arg(groupsSeen.join(QStringLiteral(", "))));
    } else {
        summary << QStringLiteral("%1 groups became actors of unknown kind and role%2; the events' category is "
                                  "\u201cTimelineJS slide\u201d (eras: \u201cTimelineJS era\u201d).")
                       .arg(groupsSeen.size())
                       .arg(groupsSeen.isEmpty() ? QString()
                                                 : QStringLiteral(" (%1)").arg(groupsSeen.join(QStringLiteral(", "))));
    }
    if (left > 0) {
        summary << (left == 1 ? QStringLiteral("1 slide was left out (it is named below).")
                              : QStringLiteral("%1 slides were left out (each is named below).").arg(left));
    }
    if (media > 0) {
        summary << (media == 1 ? QStringLiteral("1 slide (the title slide and eras counted) has media or a background "
                                                "image; it was not fetched and is not in the case.")
                               : QStringLiteral("%1 slides (the title slide and eras counted) have media or a "
                                                "background image; they were not fetched and are not in the case.")
                                     .arg(media));
    }
    if (reader.timeParts > 0) {
        summary << QStringLiteral("%1 dates give a time of day; a case holds dates to the day, so the time was left "
                                  "out.")
                       .arg(reader.timeParts);
    }
    if (renamed > 0) {
        summary << QStringLiteral("%1 slides repeat an earlier unique_id and got a new event id.").arg(renamed);
    }
    out.notes = summary + out.notes;
    out.problems = reader.problems;
    return out;
}

} // namespace AT
