package io.tenken.collect;

import io.tenken.facts.DynamoTable;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** DynamoDB tables (DescribeTable: deletion protection) and continuous backups (point-in-time recovery). */
public final class DynamoDbCollector implements Collector {
    /** The calls this collector makes and what each one's failure leaves unknown (see {@link Calls}). */
    public static final Calls CALLS = Calls.of("dynamodb")
            .lists("ListTables", "dynamodb:ListTables", DynamoTable.class)
            .readsItem("DescribeTable", "dynamodb:DescribeTable", DynamoTable.class)
            .fills("DescribeContinuousBackups", "dynamodb:DescribeContinuousBackups", DynamoTable.class,
                    "pointInTimeRecovery");

    @Override
    public Calls calls() {
        return CALLS;
    }

    @Override
    public String service() {
        return "dynamodb";
    }

    @Override
    public void collect(ServiceRun run, String region, FactSink sink) {
        DynamoDbClient c = run.clients().dynamodb(region);
        List<String> names = run.call(region, "ListTables", null,
                () -> c.listTablesPaginator(r -> r.limit(100)).tableNames().stream().toList());
        if (names == null) {
            return;
        }
        run.forEach(names, name -> {
            String arn = run.arn("dynamodb", region, "table/" + name);
            TableDescription t = run.call(region, "DescribeTable", arn, () -> c.describeTable(r -> r.tableName(name)).table());
            if (t == null) {
                return;
            }
            String tableArn = t.tableArn() != null ? t.tableArn() : arn;
            var backups = run.call(region, "DescribeContinuousBackups", tableArn,
                    () -> c.describeContinuousBackups(r -> r.tableName(name)).continuousBackupsDescription());
            // A failed backups read keeps the table: only its point-in-time recovery is unknown.
            var pitr = backups == null ? null : backups.pointInTimeRecoveryDescription();
            sink.dynamoTables.add(DynamoTable.builder().name(name).arn(tableArn).region(region)
                    .deletionProtection(Boolean.TRUE.equals(t.deletionProtectionEnabled()))
                    .pointInTimeRecovery(backups == null ? null
                            : pitr == null ? "DISABLED" : pitr.pointInTimeRecoveryStatusAsString())
                    .build());
        });
    }
}
