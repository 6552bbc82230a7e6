#include "actorpanel.h"
#include "casesession.h"
#include "chartbuilder.h"
#include "chartmodel.h"
#include "chartpanel.h"
#include "citationpanel.h"
#include "eventtablemodel.h"
#include "exporter.h"
#include "mainwindow.h"
#include "plaintext.h"
#include "roles.h"
#include "selectionstate.h"
#include "testcases.h"
#include "timelineview.h"

#include <QAbstractBarSeries>
#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QElapsedTimer>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QHelpEvent>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLegendMarker>
#include <QListView>
#include <QMessageBox>
#include <QPainter>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextDocument>
#include <QToolTip>
#include <QTreeView>

#include <algorithm>
#include <sys/resource.h>

using namespace AT;

// Issue #19, "Case text is data, never markup": a case whose every text looks like HTML shows it
// literally in every tooltip and every chart, and nothing in it is loaded. Were an <img> of
// /dev/zero interpreted, Qt would read the file until memory ran out.
namespace {
QString nasty(const QString &what)
{
    return QStringLiteral("<b>%1</b> Q&A <img src=\"file:///dev/zero\"> &amp; \"q\" 'a' <i>x\tel\u0001\u001f")
        .arg(what);
}

qint64 codePoints(const QString &s)
{
    return s.toUcs4().size();
}

QJsonObject citation(const QString &text, const QString &quote)
{
    const qsizetype at = text.indexOf(quote);
    return QJsonObject {{QStringLiteral("source"), QStringLiteral("s")},
                        {QStringLiteral("quote"), quote},
                        {QStringLiteral("start"), codePoints(text.left(at))},
                        {QStringLiteral("end"), codePoints(text.left(at)) + codePoints(quote)}};
}

// Two events, two actors, a claim: every string a view shows comes from nasty().
QByteArray nastyCase()
{
    const QString eventQuote = nasty(QStringLiteral("quote")) + QStringLiteral("\r\nsecond line");
    const QString claimQuote = nasty(QStringLiteral("claim quote"));
    const QString text = QStringLiteral("Intro.\r\n") + eventQuote + QStringLiteral(" Then: ") + claimQuote
        + QStringLiteral(" \U0001F600 The end.");
    const QJsonObject source {{QStringLiteral("id"), QStringLiteral("s")},
                              {QStringLiteral("title"), nasty(QStringLiteral("source"))},
                              {QStringLiteral("publisher"), nasty(QStringLiteral("publisher"))},
                              {QStringLiteral("text"), text}};
    const QJsonObject actor {{QStringLiteral("id"), QStringLiteral("a1")},
                             {QStringLiteral("name"), nasty(QStringLiteral("actor"))},
                             {QStringLiteral("kind"), nasty(QStringLiteral("kind"))},
                             {QStringLiteral("description"), nasty(QStringLiteral("description"))},
                             {QStringLiteral("aliases"),
                              QJsonArray {QJsonObject {{QStringLiteral("name"), nasty(QStringLiteral("alias"))}}}}};
    const QJsonObject attributor {{QStringLiteral("id"), QStringLiteral("a2")},
                                  {QStringLiteral("name"), nasty(QStringLiteral("attributor"))},
                                  {QStringLiteral("kind"), QStringLiteral("government")}};
    auto event = [&](const QString &id, const QString &date, const QString &category) {
        return QJsonObject {{QStringLiteral("id"), id},
                            {QStringLiteral("title"), nasty(QStringLiteral("title ") + id)},
                            {QStringLiteral("category"), category},
                            {QStringLiteral("date"), QJsonObject {{QStringLiteral("start"), date}}},
                            {QStringLiteral("participants"),
                             QJsonArray {QJsonObject {{QStringLiteral("actor"), QStringLiteral("a1")},
                                                      {QStringLiteral("role"), nasty(QStringLiteral("role"))}}}},
                            {QStringLiteral("citations"), QJsonArray {citation(text, eventQuote)}}};
    };
    const QJsonObject claim {
        {QStringLiteral("id"), QStringLiteral("c1")},
        {QStringLiteral("attributor"), QStringLiteral("a2")},
        {QStringLiteral("subject"), QStringLiteral("a1")},
        {QStringLiteral("event"), QStringLiteral("e1")},
        {QStringLiteral("statement"), nasty(QStringLiteral("statement"))},
        {QStringLiteral("confidence"), nasty(QStringLiteral("wording"))},
        {QStringLiteral("citations"), QJsonArray {citation(text, claimQuote)}},
        // The wording is not in the quote (casechecks.h): accepted.
        {QStringLiteral("acceptedWarnings"),
         QJsonArray {QJsonObject {{QStringLiteral("rule"), QStringLiteral("confidence-not-quoted")},
                                  {QStringLiteral("reason"), nasty(QStringLiteral("reason"))}}}}};
    const QJsonObject kase {
        {QStringLiteral("format"), QStringLiteral("attribution-timeline-case")},
        {QStringLiteral("version"), 1},
        {QStringLiteral("title"), nasty(QStringLiteral("case"))},
        {QStringLiteral("sources"), QJsonArray {source}},
        {QStringLiteral("actors"), QJsonArray {actor, attributor}},
        {QStringLiteral("events"),
         QJsonArray {event(QStringLiteral("e1"), QStringLiteral("2023-05-01"), nasty(QStringLiteral("category"))),
                     event(QStringLiteral("e2"), QStringLiteral("2021-02-03"), nasty(QStringLiteral("other")))}},
        {QStringLiteral("claims"), QJsonArray {claim}}};
    return QJsonDocument(kase).toJson();
}

// What a QTextDocument makes of plain text's line breaks and spaces.
QString asDocumentText(QString s)
{
    s.replace(QStringLiteral("\r\n"), QStringLiteral("\n")).replace(QLatin1Char('\r'), QLatin1Char('\n'));
    s.replace(QChar::LineSeparator, QLatin1Char('\n')).replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
    return s.replace(QChar::Nbsp, QLatin1Char(' '));
}

// Checks rich text that Qt will render: it must carry no markup of the case, and read as `plain`.
// The check for "<img" comes before anything parses the HTML, which would read /dev/zero.
bool rendersLiterally(const QString &html, const QString &plain, bool keepsWhiteSpace, QString *why)
{
    if (html.contains(QStringLiteral("<img")) || html.contains(QStringLiteral("<b>"))) {
        *why = QStringLiteral("unescaped case markup in: ") + html;
        return false;
    }
    QTextDocument doc;
    doc.setHtml(html);
    QString shown = doc.toPlainText();
    QString expected = asDocumentText(plain);
    if (!keepsWhiteSpace) {
        shown = shown.simplified();
        expected = expected.simplified();
    }
    if (shown != expected) {
        *why = QStringLiteral("shows \"%1\", not \"%2\"").arg(shown, expected);
        return false;
    }
    return true;
}

QList<QGraphicsTextItem *> textItems(QChart *chart)
{
    QList<QGraphicsTextItem *> out;
    QList<QGraphicsItem *> todo = chart->childItems();
    while (!todo.isEmpty()) {
        QGraphicsItem *item = todo.takeLast();
        todo += item->childItems();
        if (auto *text = qobject_cast<QGraphicsTextItem *>(item->toGraphicsObject())) {
            if (text->isVisible()) {
                out << text;
            }
        }
    }
    return out;
}

// The plain text items of a chart, top to bottom: its row labels (a long one wrapped onto lines
// that follow each other) and legend, drawn as text, never as markup.
QStringList simpleTexts(QChart *chart)
{
    QList<QGraphicsSimpleTextItem *> items;
    QList<QGraphicsItem *> todo = chart->childItems();
    while (!todo.isEmpty()) {
        QGraphicsItem *item = todo.takeLast();
        todo += item->childItems();
        if (auto *text = dynamic_cast<QGraphicsSimpleTextItem *>(item); text && text->isVisible()) {
            items << text;
        }
    }
    std::stable_sort(items.begin(), items.end(), [](QGraphicsSimpleTextItem *a, QGraphicsSimpleTextItem *b) {
        return a->scenePos().y() < b->scenePos().y();
    });
    QStringList out;
    for (QGraphicsSimpleTextItem *item : std::as_const(items)) {
        out << item->text();
    }
    return out;
}
} // namespace

class tst_PlainText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void helpers();
    void messageBoxInformativeText();
    void itemViewTooltips_data();
    void itemViewTooltips();
    void timelineTooltip();
    void chartLabels_data();
    void chartLabels();
    void chartPanel();
    void chartExports();

private:
    QTemporaryDir m_dir;
    QString m_path;
    CaseSession *m_session = nullptr; // for the charts: no window needed
    MainWindow *m_window = nullptr;
    bool openWindow();
    QString tooltipAt(QWidget *widget, QPoint pos);
};

void tst_PlainText::initTestCase()
{
    // Were an <img> of /dev/zero interpreted again, fail on an allocation within seconds rather than
    // take the machine's memory. Not under AddressSanitizer, which reserves terabytes of addresses.
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define AT_TEST_ASAN
#endif
#endif
#if !defined(__SANITIZE_ADDRESS__) && !defined(AT_TEST_ASAN)
    struct rlimit limit;
    getrlimit(RLIMIT_AS, &limit);
    limit.rlim_cur = std::min<rlim_t>(limit.rlim_cur, rlim_t(4) << 30);
    setrlimit(RLIMIT_AS, &limit);
#endif
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    const QByteArray json = nastyCase();
    QVERIFY(Test::loadCase(json)); // reads without a problem, every citation anchored
    m_path = m_dir.filePath(QStringLiteral("nasty.json"));
    QFile f(m_path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(json);
    m_session = new CaseSession(this);
    m_session->setCase(Test::loadCase(json));
}

bool tst_PlainText::openWindow()
{
    m_window = new MainWindow;
    m_window->resize(1280, 800);
    m_window->show();
    return QTest::qWaitForWindowExposed(m_window) && m_window->openCase(m_path);
}

void tst_PlainText::cleanup()
{
    QToolTip::hideText();
    delete m_window;
    m_window = nullptr;
}

QString tst_PlainText::tooltipAt(QWidget *widget, QPoint pos)
{
    QToolTip::hideText();
    QHelpEvent help(QEvent::ToolTip, pos, widget->mapToGlobal(pos));
    QApplication::sendEvent(widget, &help);
    return QToolTip::isVisible() ? QToolTip::text() : QString();
}

void tst_PlainText::messageBoxInformativeText()
{
    // Qt shows a message box's informative text as rich text when it looks like HTML, whatever the
    // box's text format: case text there (names in an import report, a deletion's references) must
    // show literally.
    QMessageBox box;
    box.setTextFormat(Qt::PlainText);
    const QString hostile = QStringLiteral("\u2022 <img src=\"file:///dev/zero\"> <b>APT31</b>\nsecond line");
    setPlainInformativeText(&box, hostile);
    QCOMPARE(box.informativeText(), hostile);
    bool found = false;
    for (QLabel *label : box.findChildren<QLabel *>()) {
        if (label->text() == hostile) {
            found = true;
            QCOMPARE(label->textFormat(), Qt::PlainText);
        }
    }
    QVERIFY(found);
}

void tst_PlainText::helpers()
{
    const QString text = QStringLiteral("<b>x</b> &amp; <img src=\"file:///dev/zero\">\r\nnext\rlast\tend");
    QString why;
    QVERIFY2(rendersLiterally(plainToolTip(text), text, true, &why), qPrintable(why));
    QVERIFY(Qt::mightBeRichText(plainToolTip(QStringLiteral("plain")))); // QToolTip never has to guess
    QVERIFY2(rendersLiterally(chartText(text), text, false, &why), qPrintable(why));
}

void tst_PlainText::itemViewTooltips_data()
{
    QTest::addColumn<QString>("view");
    QTest::newRow("event table") << QStringLiteral("events");
    QTest::newRow("actor tree") << QStringLiteral("actors");
    QTest::newRow("citation list") << QStringLiteral("citations");
    QTest::newRow("who says what") << QStringLiteral("claims");
}

void tst_PlainText::itemViewTooltips()
{
    QFETCH(QString, view);
    QVERIFY(openWindow());
    auto *tabs = m_window->findChild<QTabWidget *>();
    QVERIFY(tabs);
    m_window->selection()->setCurrentEvent(0); // e1: its citation and its claim
    QAbstractItemView *v = nullptr;
    QModelIndex index;
    if (view == QLatin1String("events")) {
        tabs->setCurrentWidget(m_window->eventTable());
        v = m_window->eventTable();
        index = v->model()->index(0, EventTableModel::TitleColumn);
    } else if (view == QLatin1String("actors")) {
        tabs->setCurrentWidget(m_window->actorPanel());
        v = m_window->actorPanel()->view();
        const QModelIndex kind = v->model()->index(0, 0);
        index = v->model()->index(0, 0, kind);
    } else if (view == QLatin1String("citations")) {
        v = m_window->citationPanel()->citationView();
        index = v->model()->index(0, 0);
    } else {
        v = m_window->citationPanel()->claimView();
        index = v->model()->index(0, 0);
    }
    QVERIFY(index.isValid());
    QVERIFY(v->isVisible());
    v->scrollTo(index);
    const QString expected = index.data(Qt::ToolTipRole).toString();
    QVERIFY2(expected.contains(QStringLiteral("<b>")), qPrintable(expected)); // the model's tooltip is plain text
    const QString tip = tooltipAt(v->viewport(), v->visualRect(index).center());
    QVERIFY2(!tip.isEmpty(), "no tooltip shown");
    QString why;
    QVERIFY2(rendersLiterally(tip, expected, true, &why), qPrintable(why));
}

void tst_PlainText::timelineTooltip()
{
    QVERIFY(openWindow());
    TimelineView *timeline = m_window->timeline();
    timeline->fitAll();
    const QRectF r = timeline->eventRect(0);
    QVERIFY(r.isValid());
    const QString tip = tooltipAt(timeline, r.center().toPoint());
    QVERIFY2(!tip.isEmpty(), "no tooltip shown");
    QVERIFY2(!tip.contains(QStringLiteral("<img")) && !tip.contains(QStringLiteral("<b>")), qPrintable(tip));
    const QString title = m_window->session()->kase().events[0].title;
    QTextDocument doc;
    doc.setHtml(tip);
    QVERIFY2(doc.toPlainText().startsWith(title + QLatin1Char('\n')), qPrintable(doc.toPlainText()));
}

void tst_PlainText::chartLabels_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QSize>("size");
    for (ChartModel::Kind k : ChartModel::kinds()) {
        const QString name = ChartModel::exportName(k);
        QTest::newRow(qPrintable(name)) << static_cast<int>(k) << QSize(1600, 1000);
        // Narrow: labels are elided, each width at other characters.
        for (int width : {340, 380, 420, 460, 520}) {
            QTest::addRow("%s, elided at %d", qPrintable(name), width) << static_cast<int>(k) << QSize(width, 300);
        }
    }
}

void tst_PlainText::chartLabels()
{
    QFETCH(int, kind);
    QFETCH(QSize, size);
    ChartModel model(static_cast<ChartModel::Kind>(kind), m_session);
    QVERIFY(model.rowCount() > 0);
    const QString title = nasty(QStringLiteral("chart title"));
    QElapsedTimer timer;
    timer.start();
    std::unique_ptr<QChart> chart(buildChart(&model, kind, title));

    // What Qt Charts was given, read back, renders as the case's text.
    QStringList shown; // everything that should be drawn, as plain text
    QString why;
    QVERIFY2(rendersLiterally(chart->title(), title, false, &why), qPrintable(why));
    shown << title;
    for (QAbstractAxis *axis : chart->axes()) {
        QVERIFY2(rendersLiterally(axis->titleText(), axis->titleText(), false, &why), qPrintable(why));
        if (auto *categories = qobject_cast<QBarCategoryAxis *>(axis)) {
            QStringList rows;
            for (int r = 0; r < model.rowCount(); ++r) {
                rows << model.headerData(r, Qt::Vertical).toString();
            }
            QCOMPARE(categories->count(), rows.size());
            for (qsizetype i = 0; i < rows.size(); ++i) {
                // Rows go in reversed for the horizontal charts; match either way.
                const QString label = categories->categories().at(i);
                const bool forward = rendersLiterally(label, rows[i], false, &why);
                QVERIFY2(forward || rendersLiterally(label, rows[rows.size() - 1 - i], false, &why), qPrintable(why));
            }
            shown << rows;
        }
    }
    for (QAbstractSeries *series : chart->series()) {
        const auto *bars = qobject_cast<QAbstractBarSeries *>(series);
        QVERIFY(bars);
        const QList<QBarSet *> sets = bars->barSets();
        for (qsizetype c = 0; c < sets.size(); ++c) {
            const QString header = static_cast<ChartModel::Kind>(kind) == ChartModel::Kind::ActorActivity
                ? sets[c]->label()
                : model.headerData(static_cast<int>(c), Qt::Horizontal).toString();
            QVERIFY2(rendersLiterally(sets[c]->label(), header, false, &why), qPrintable(why));
            shown << header; // named in the legend
        }
    }
    if (chart->legend()->isVisible()) {
        for (QLegendMarker *marker : chart->legend()->markers()) {
            QVERIFY2(!marker->label().contains(QStringLiteral("<img")), qPrintable(marker->label()));
            QTextDocument doc;
            doc.setHtml(marker->label());
            shown << doc.toPlainText();
        }
    }

    // Laid out and drawn: every text item reads literally, whole or elided at a character, never
    // halfway through "&amp;", and no image was loaded into any of them.
    QGraphicsScene scene;
    scene.addItem(chart.get());
    chart->resize(size);
    QCoreApplication::processEvents();
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    scene.render(&p);
    p.end();
    QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
    QStringList simplified;
    for (const QString &s : std::as_const(shown)) {
        simplified << asDocumentText(s).simplified();
    }
    const QString ellipsis = QStringLiteral("...");
    int literal = 0;
    for (QGraphicsTextItem *item : textItems(chart.get())) {
        const QString text = item->toPlainText().simplified();
        QVERIFY2(!text.contains(QChar::ObjectReplacementCharacter), qPrintable(text));
        if (text.isEmpty() || !text.contains(QLatin1Char('<'))) {
            continue; // numbers and axis titles
        }
        ++literal;
        const bool elided = text.endsWith(ellipsis);
        const QString body = elided ? text.chopped(ellipsis.size()) : text;
        const bool known = std::any_of(simplified.cbegin(), simplified.cend(),
                                       [&](const QString &s) { return elided ? s.startsWith(body) : s == body; });
        QVERIFY2(known, qPrintable(QStringLiteral("drawn: ") + text));
    }
    // Row labels and legend entries are plain text items, whole or one line of a wrapped label.
    const QStringList plain = simpleTexts(chart.get());
    for (const QString &line : plain) {
        const QString text = line.simplified();
        const bool known
            = std::any_of(simplified.cbegin(), simplified.cend(), [&](const QString &s) { return s.contains(text); });
        QVERIFY2(known || !text.contains(QLatin1Char('<')), qPrintable(QStringLiteral("drawn: ") + text));
    }
    QVERIFY(literal > 0);
    if (size.width() > 1000) {
        // Roomy: the title and the case's labels are drawn whole.
        for (const QString &s : std::as_const(simplified)) {
            if (s.contains(QLatin1Char('<'))) {
                const auto items = textItems(chart.get());
                const bool whole = std::any_of(items.cbegin(), items.cend(),
                                               [&](QGraphicsTextItem *i) { return i->toPlainText().simplified() == s; })
                    || plain.join(QLatin1Char(' ')).simplified().contains(s);
                QVERIFY2(whole, qPrintable(QStringLiteral("not drawn whole: ") + s));
            }
        }
    }
    scene.removeItem(chart.get());
}

void tst_PlainText::chartPanel()
{
    // Opening the Charts tab lays the chart out; a hovered bar names itself in a tooltip.
    QVERIFY(openWindow());
    auto *tabs = m_window->findChild<QTabWidget *>();
    ChartPanel *panel = m_window->chartPanel();
    tabs->setCurrentWidget(panel);
    for (ChartModel::Kind k : ChartModel::kinds()) {
        panel->setKind(static_cast<int>(k));
        QChart *chart = panel->chartView()->chart();
        QCoreApplication::processEvents();
        panel->chartView()->grab();
        for (QGraphicsTextItem *item : textItems(chart)) {
            QVERIFY(!item->toPlainText().contains(QChar::ObjectReplacementCharacter));
        }
        ChartModel *model = *std::find_if(panel->models().cbegin(), panel->models().cend(),
                                          [k](ChartModel *m) { return m->kind() == k; });
        auto *bars = qobject_cast<QAbstractBarSeries *>(chart->series().value(0));
        QVERIFY(bars);
        QBarSet *set = bars->barSets().constLast();
        QToolTip::hideText();
        Q_EMIT bars->hovered(true, 0, set);
        QVERIFY(QToolTip::isVisible());
        const QString tip = QToolTip::text();
        const bool reversed = k == ChartModel::Kind::EventsPerActor || k == ChartModel::Kind::ClaimsByAttributor
            || k == ChartModel::Kind::ActorActivity;
        const QString row = model->headerData(reversed ? model->rowCount() - 1 : 0, Qt::Vertical).toString();
        QVERIFY2(!tip.contains(QStringLiteral("<img")), qPrintable(tip));
        QTextDocument doc;
        doc.setHtml(tip);
        QVERIFY2(doc.toPlainText().startsWith(asDocumentText(row)), qPrintable(doc.toPlainText()));
        if (model->columnCount() > 1 && k != ChartModel::Kind::ActorActivity) {
            // Named by the series as the case has it, not as escaped for the chart.
            const QString series
                = model->headerData(static_cast<int>(bars->barSets().size() - 1), Qt::Horizontal).toString();
            QVERIFY2(doc.toPlainText().contains(asDocumentText(series)), qPrintable(doc.toPlainText()));
        }
        Q_EMIT bars->hovered(false, 0, set);
    }
}

void tst_PlainText::chartExports()
{
    // Exports draw the same charts: the SVG holds no image, the PNG is made in good time.
    Exporter exporter(m_session);
    ExportOptions options;
    options.size = QSize(800, 600);
    options.scale = 1;
    for (const QString &name : Exporter::names().mid(1)) {
        QElapsedTimer timer;
        timer.start();
        QString error;
        const QByteArray svg = exporter.render(name, QStringLiteral("svg"), options, &error);
        QVERIFY2(!svg.isEmpty(), qPrintable(error));
        QVERIFY2(!svg.contains("<image"), qPrintable(name));
        QVERIFY2(!exporter.render(name, QStringLiteral("png"), options, &error).isEmpty(), qPrintable(error));
        QVERIFY2(timer.elapsed() < 10000, qPrintable(name));
    }
}

QTEST_MAIN(tst_PlainText)
#include "tst_plaintext.moc"
