using CaseGrains.Persistence.Serialization;

namespace CaseGrains.Persistence.Tests.Serialization;

public sealed class JsonTextTests
{
    [Theory]
    [InlineData("{}")]
    [InlineData(" {\"a\": [1, 2.5, true, null, \"申请人\"]} \n")]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("42")]
    [InlineData("null")]
    public void One_json_value_has_no_problem(string json)
    {
        Assert.Null(JsonText.Problem(json));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{")]
    [InlineData("{\"a\": 1,}")]
    [InlineData("{\"a\": 1} {\"b\": 2}")]
    [InlineData("{} x")]
    [InlineData("{'a': 1}")]
    [InlineData("[1, 2")]
    [InlineData("tru")]
    public void Anything_else_is_refused_with_a_reason(string json)
    {
        Assert.False(string.IsNullOrWhiteSpace(JsonText.Problem(json)));
    }

    [Fact]
    public void An_object_is_required_only_when_asked()
    {
        Assert.Null(JsonText.Problem("{\"kind\": \"x\"}", objectOnly: true));
        Assert.NotNull(JsonText.Problem("[{\"kind\": \"x\"}]", objectOnly: true));
        Assert.NotNull(JsonText.Problem("\"x\"", objectOnly: true));
        Assert.Null(JsonText.Problem("[{\"kind\": \"x\"}]"));
    }

    [Fact]
    public void A_document_larger_than_the_stack_buffer_is_read_whole()
    {
        var large = "{\"items\": [" + string.Join(", ", Enumerable.Range(0, 2_000).Select(i => $"\"第{i}项\"")) + "]}";

        Assert.Null(JsonText.Problem(large));
        Assert.NotNull(JsonText.Problem(large[..^1]));
    }

    [Fact]
    public void Text_without_a_utf8_form_is_refused_as_an_argument()
    {
        Assert.ThrowsAny<ArgumentException>(() => JsonText.Problem("{\"a\": \"\ud800\"}"));
    }
}
