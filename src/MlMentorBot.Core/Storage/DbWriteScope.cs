using System.Data.Common;
using Dapper;

namespace MlMentorBot.Core.Storage;

/// <summary><see cref="IDbWriteScope"/> over any ADO.NET provider: Dapper with the transaction and token bound.</summary>
internal sealed class DbWriteScope(DbConnection connection, DbTransaction transaction, SqlDialect dialect, CancellationToken cancellationToken) : IDbWriteScope
{
    public SqlDialect Dialect => dialect;

    public Task<int> ExecuteAsync(string sql, object? parameters = null) =>
        connection.ExecuteAsync(Command(sql, parameters));

    public Task<T?> ExecuteScalarAsync<T>(string sql, object? parameters = null) =>
        connection.ExecuteScalarAsync<T>(Command(sql, parameters));

    public Task<T> QuerySingleAsync<T>(string sql, object? parameters = null) =>
        connection.QuerySingleAsync<T>(Command(sql, parameters));

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters = null) =>
        connection.QuerySingleOrDefaultAsync<T>(Command(sql, parameters));

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null) =>
        (await connection.QueryAsync<T>(Command(sql, parameters))).AsList();

    private CommandDefinition Command(string sql, object? parameters) =>
        new(sql, parameters, transaction, cancellationToken: cancellationToken);
}
