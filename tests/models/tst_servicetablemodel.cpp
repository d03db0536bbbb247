// SPDX-License-Identifier: GPL-3.0-or-later
#include <QAbstractItemModelTester>
#include <QColor>
#include <QUndoStack>
#include <QtTest>

#include "models/workload/commands.h"
#include "models/workload/scenariojson.h"
#include "models/workload/servicetablemodel.h"

using namespace fleetplan::models;

/// The service table adapts the document: edits become undo commands, problems show per cell.
class TestServiceTableModel : public QObject
{
    Q_OBJECT

private:
    Document *m_doc = nullptr;
    ServiceTableModel *m_model = nullptr;
    QAbstractItemModelTester *m_tester = nullptr;

    QModelIndex cell(int row, ServiceTableModel::Column column) const { return m_model->index(row, column); }

private slots:
    void init()
    {
        m_doc = new Document;
        m_doc->setAutosaveDelay(0);
        m_doc->reset(bundledSampleScenario());
        m_model = new ServiceTableModel;
        m_model->setDocument(m_doc);
        m_tester = new QAbstractItemModelTester(m_model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
    void cleanup()
    {
        delete m_tester;
        delete m_model;
        delete m_doc;
    }

    void showsTheServices()
    {
        QCOMPARE(m_model->rowCount(), 13);
        QCOMPARE(m_model->columnCount(), int(ServiceTableModel::ColumnCount));
        QCOMPARE(cell(0, ServiceTableModel::Name).data().toString(), QStringLiteral("web-frontend"));
        QCOMPARE(cell(0, ServiceTableModel::Cpu).data().toString(), QStringLiteral("0.5 vCPU"));
        QCOMPARE(cell(0, ServiceTableModel::Cpu).data(Qt::EditRole).toDouble(), 0.5);
        QCOMPARE(cell(9, ServiceTableModel::Kind).data().toString(), QStringLiteral("job"));
        QCOMPARE(cell(9, ServiceTableModel::RunSeconds).data().toInt(), 5400);
        QCOMPARE(cell(6, ServiceTableModel::SpotOk).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        QCOMPARE(cell(9, ServiceTableModel::LoadProfileCol).data().toString(), QStringLiteral("flat"));
        QCOMPARE(
            m_model->headerData(ServiceTableModel::Memory, Qt::Horizontal, ServiceTableModel::FieldKeyRole).toString(),
            QStringLiteral("memory_mib"));
    }

    void setDataPushesUndoableCommands()
    {
        QVERIFY(m_model->setData(cell(2, ServiceTableModel::Replicas), 9));
        QCOMPARE(m_doc->scenario().services.at(2).replicas, 9);
        QVERIFY(m_model->setData(cell(2, ServiceTableModel::Memory), QStringLiteral("4096")));
        QCOMPARE(m_doc->scenario().services.at(2).memoryMib, 4096.0);
        QVERIFY(m_model->setData(cell(2, ServiceTableModel::Arch), QStringLiteral("arm64")));
        QCOMPARE(m_doc->scenario().services.at(2).arch, Arch::Arm64);
        QVERIFY(m_model->setData(cell(2, ServiceTableModel::SpotOk), Qt::Checked, Qt::CheckStateRole));
        QVERIFY(m_doc->scenario().services.at(2).spotOk);
        QVERIFY(m_model->setData(cell(2, ServiceTableModel::Name), QStringLiteral("orders")));
        QCOMPARE(m_doc->scenario().services.at(2).name, QStringLiteral("orders"));
        QCOMPARE(m_doc->undoStack()->count(), 5);
        QCOMPARE(m_doc->undoStack()->undoText(), QStringLiteral("Rename orders-api to orders"));
        for (int i = 0; i < 5; ++i)
            m_doc->undoStack()->undo();
        QCOMPARE(m_doc->scenario(), bundledSampleScenario());
        QCOMPARE(cell(2, ServiceTableModel::Name).data().toString(), QStringLiteral("orders-api"));
    }

    void gpusColumnEditsTheAcceleratorCount()
    {
        // Issue 14: GPUs per task, typed in the table, one undo step; shown as "1 GPU" / "–".
        QCOMPARE(cell(7, ServiceTableModel::Gpus).data().toString(), QStringLiteral("–"));
        QCOMPARE(
            m_model->headerData(ServiceTableModel::Gpus, Qt::Horizontal, ServiceTableModel::FieldKeyRole).toString(),
            QStringLiteral("gpus"));
        QVERIFY(m_model->setData(cell(7, ServiceTableModel::Gpus), 1));
        QCOMPARE(m_doc->scenario().services.at(7).gpus, 1);
        QCOMPARE(cell(7, ServiceTableModel::Gpus).data().toString(), QStringLiteral("1 GPU"));
        QCOMPARE(cell(7, ServiceTableModel::Gpus).data(Qt::EditRole).toInt(), 1);
        QVERIFY(!m_model->setData(cell(7, ServiceTableModel::Gpus), 1.5));
        QCOMPARE(m_doc->undoStack()->count(), 1);
        // An absurd count: the cell carries validation's error, naming the field.
        QVERIFY(m_model->setData(cell(7, ServiceTableModel::Gpus), 65));
        QCOMPARE(cell(7, ServiceTableModel::Gpus).data(ServiceTableModel::ValidationRole).toStringList(),
            QStringList { QStringLiteral(
                "error: services[7].gpus: must be a whole number of 0 to 64 accelerators per task, found 65") });
        m_doc->undoStack()->undo();
        m_doc->undoStack()->undo();
        QCOMPARE(m_doc->scenario(), bundledSampleScenario());
    }

    void retypingOneCellIsOneUndoStep()
    {
        QLocale::setDefault(QLocale::c());
        QVERIFY(m_model->setData(cell(2, ServiceTableModel::Memory), 1536));
        QVERIFY(m_model->setData(cell(2, ServiceTableModel::Memory), QStringLiteral("2048")));
        QCOMPARE(m_doc->undoStack()->count(), 1);
        QCOMPARE(m_doc->undoStack()->undoText(), QStringLiteral("Set memory of orders-api from 3 GiB to 2 GiB"));
        QVERIFY(m_model->setData(cell(3, ServiceTableModel::Memory), 3000)); // another service
        QVERIFY(m_model->setData(cell(3, ServiceTableModel::Replicas), 5)); // another field
        QCOMPARE(m_doc->undoStack()->count(), 3);
        QCOMPARE(m_doc->undoStack()->undoText(), QStringLiteral("Set replicas of catalog-api from 6 to 5"));
        while (m_doc->undoStack()->canUndo())
            m_doc->undoStack()->undo();
        QCOMPARE(m_doc->scenario(), bundledSampleScenario());
    }

    void rejectsWhatItCannotParse()
    {
        QVERIFY(!m_model->setData(cell(0, ServiceTableModel::Replicas), QStringLiteral("many")));
        QVERIFY(!m_model->setData(cell(0, ServiceTableModel::Replicas), 2.5));
        QVERIFY(!m_model->setData(cell(0, ServiceTableModel::Replicas), 1e12));
        QVERIFY(!m_model->setData(cell(0, ServiceTableModel::Kind), QStringLiteral("cronjob")));
        QVERIFY(!m_model->setData(cell(0, ServiceTableModel::Name), QStringLiteral("  ")));
        QCOMPARE(m_doc->undoStack()->count(), 0);
        // Setting the same value is accepted but adds no undo step.
        QVERIFY(m_model->setData(cell(0, ServiceTableModel::Replicas), 12));
        QCOMPARE(m_doc->undoStack()->count(), 0);
    }

    void problemsShowInTheCell()
    {
        QVERIFY(m_model->setData(cell(1, ServiceTableModel::MinReplicas), 50));
        const QString expected = QStringLiteral("error: service \"api-gateway\": min_replicas 50 > max_replicas 30");
        QCOMPARE(cell(1, ServiceTableModel::MinReplicas).data(Qt::ToolTipRole).toString(), expected);
        QCOMPARE(cell(1, ServiceTableModel::MaxReplicas).data(ServiceTableModel::ValidationRole).toStringList(),
            QStringList { expected });
        QVERIFY(cell(1, ServiceTableModel::MinReplicas).data(ServiceTableModel::HasErrorRole).toBool());
        QCOMPARE(
            cell(1, ServiceTableModel::MinReplicas).data(Qt::BackgroundRole).value<QColor>(), QColor(255, 205, 205));
        QVERIFY(!cell(1, ServiceTableModel::Cpu).data(Qt::BackgroundRole).isValid());
        m_doc->undoStack()->undo();
        QVERIFY(!cell(1, ServiceTableModel::MinReplicas).data(Qt::ToolTipRole).isValid());
    }

    void validatesOncePerDocumentChange()
    {
        // A repaint asks every visible cell for several roles: none of them may validate again.
        const QList<int> roles { Qt::DisplayRole, Qt::ToolTipRole, Qt::BackgroundRole, ServiceTableModel::HasErrorRole,
            ServiceTableModel::ValidationRole };
        const auto repaint = [&] {
            for (int r = 0; r < m_model->rowCount(); ++r) {
                for (int c = 0; c < m_model->columnCount(); ++c) {
                    for (int role : roles)
                        m_model->data(m_model->index(r, c), role);
                }
            }
        };
        const int rows = m_model->rowCount();
        QVERIFY(m_model->setData(cell(1, ServiceTableModel::MinReplicas), 50)); // error: min 50 > max 30
        const int afterEdit = m_model->validationRuns();
        repaint();
        const int afterFirstRepaint = m_model->validationRuns();
        QVERIFY(afterFirstRepaint > afterEdit);
        QVERIFY2(afterFirstRepaint - afterEdit <= rows, "each row is validated at most once per change");
        for (int i = 0; i < 10; ++i)
            repaint(); // 10 × 13 rows × 15 columns × 5 roles = 9750 data() calls
        QCOMPARE(m_model->validationRuns(), afterFirstRepaint);
        QVERIFY(cell(1, ServiceTableModel::MinReplicas).data(ServiceTableModel::HasErrorRole).toBool());

        // An edit of one row changes what another row shows (a duplicate name): the cache follows.
        QVERIFY(!cell(2, ServiceTableModel::Name).data(ServiceTableModel::HasErrorRole).toBool());
        QVERIFY(m_model->setData(cell(3, ServiceTableModel::Name), QStringLiteral("orders-api")));
        QVERIFY(cell(2, ServiceTableModel::Name).data(ServiceTableModel::HasErrorRole).toBool());
        QVERIFY(
            cell(3, ServiceTableModel::Name).data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("error: ")));
        QVERIFY(m_model->validationRuns() > afterFirstRepaint);

        // Structural edits and resets clear it too.
        m_doc->undoStack()->push(new RemoveServicesCommand(m_doc, { 3 }));
        QVERIFY(!cell(2, ServiceTableModel::Name).data(ServiceTableModel::HasErrorRole).toBool());
        Service copy = m_doc->scenario().services.at(0);
        m_doc->undoStack()->push(new AddServiceCommand(m_doc, copy, 5));
        QVERIFY(cell(0, ServiceTableModel::Name).data(ServiceTableModel::HasErrorRole).toBool());
        QVERIFY(cell(5, ServiceTableModel::Name).data(ServiceTableModel::HasErrorRole).toBool());
        m_doc->reset(bundledSampleScenario());
        QVERIFY(!cell(0, ServiceTableModel::Name).data(ServiceTableModel::HasErrorRole).toBool());
        QVERIFY(!cell(1, ServiceTableModel::MinReplicas).data(Qt::BackgroundRole).isValid());
    }

    void derivedSizeIsReadOnly()
    {
        Service s = m_doc->scenario().services.at(0);
        s.containers = { Container { QStringLiteral("app"), 0.5, 1024, false },
            Container { QStringLiteral("envoy"), 0.25, 256, false } };
        m_doc->undoStack()->push(new SetServiceCommand(m_doc, 0, s));
        QVERIFY(!(m_model->flags(cell(0, ServiceTableModel::Cpu)) & Qt::ItemIsEditable));
        QCOMPARE(cell(0, ServiceTableModel::Cpu).data(Qt::EditRole).toDouble(), 0.75);
        QCOMPARE(cell(0, ServiceTableModel::Memory).data(Qt::EditRole).toDouble(), 1280.0);
        QVERIFY(!m_model->setData(cell(0, ServiceTableModel::Cpu), 2));
        QVERIFY(m_model->flags(cell(0, ServiceTableModel::Replicas)) & Qt::ItemIsEditable);
    }

    void followsStructuralEditsUnderTheTester()
    {
        // The tester checks every insert/remove/reset signal for consistency.
        Service extra;
        extra.name = QStringLiteral("extra");
        m_doc->undoStack()->push(new AddServiceCommand(m_doc, extra, 0));
        QCOMPARE(m_model->rowCount(), 14);
        QCOMPARE(cell(0, ServiceTableModel::Name).data().toString(), QStringLiteral("extra"));
        m_doc->undoStack()->push(new RemoveServicesCommand(m_doc, { 1, 5, 13 }));
        QCOMPARE(m_model->rowCount(), 11);
        m_doc->undoStack()->push(new DuplicateServiceCommand(m_doc, 0));
        QCOMPARE(cell(1, ServiceTableModel::Name).data().toString(), QStringLiteral("extra-copy"));
        m_doc->undoStack()->push(new ImportServicesCommand(m_doc, { extra, extra }));
        QCOMPARE(m_model->rowCount(), 14);
        while (m_doc->undoStack()->canUndo())
            m_doc->undoStack()->undo();
        QCOMPARE(m_model->rowCount(), 13);
        while (m_doc->undoStack()->canRedo())
            m_doc->undoStack()->redo();
        QCOMPARE(m_model->rowCount(), 14);
        Scenario small;
        small.services = { extra };
        m_doc->reset(small);
        QCOMPARE(m_model->rowCount(), 1);
    }

    void standaloneModelKeepsOldApi()
    {
        // Without a document the model edits a private one (MainWindow::setScenario uses this).
        ServiceTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setScenario(bundledSampleScenario());
        QCOMPARE(model.rowCount(), 13);
        QVERIFY(model.setData(model.index(0, ServiceTableModel::Replicas), 3));
        QCOMPARE(model.scenario().services.at(0).replicas, 3);
        QVERIFY(model.document()->undoStack()->canUndo());
    }
};

QTEST_GUILESS_MAIN(TestServiceTableModel)
#include "tst_servicetablemodel.moc"
