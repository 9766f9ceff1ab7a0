using CaseGrains.Hosting;

namespace CaseGrains.Grains.Tests.Hosting;

public sealed class PostgresConnectionDefaultsTests
{
    private const string Server = "Host=127.0.0.1;Port=55432;Username=casegrains;Password=casegrains;Database=casegrains";

    [Fact]
    public void A_silent_connection_string_gets_a_small_pool_prepared_statements_no_jit_and_no_reset()
    {
        var builder = PostgresConnectionDefaults.Apply(Server);

        Assert.Equal(PostgresConnectionDefaults.MaxPoolSize, builder.MaxPoolSize);
        Assert.True(builder.NoResetOnClose);
        Assert.Equal(64, builder.MaxAutoPrepare);
        Assert.Equal(2, builder.AutoPrepareMinUsages);
        Assert.Equal("-c jit=off", builder.Options);
        Assert.Equal("casegrains", builder.Database);
    }

    [Theory]
    [InlineData("Maximum Pool Size=100", 100)]
    [InlineData("maximum pool size=30", 30)]
    [InlineData("MaxPoolSize=3", 3)]
    public void A_pool_size_the_string_sets_is_kept_even_when_it_is_npgsqls_default(string setting, int expected)
    {
        Assert.Equal(expected, PostgresConnectionDefaults.Apply($"{Server};{setting}").MaxPoolSize);
    }

    [Fact]
    public void What_the_string_sets_for_preparing_options_and_resetting_is_kept()
    {
        var builder = PostgresConnectionDefaults.Apply($"{Server};Max Auto Prepare=5;Options=-c statement_timeout=1000;No Reset On Close=false");

        Assert.Equal(5, builder.MaxAutoPrepare);
        Assert.False(builder.NoResetOnClose);
        Assert.Equal("-c statement_timeout=1000", builder.Options);
    }
}
