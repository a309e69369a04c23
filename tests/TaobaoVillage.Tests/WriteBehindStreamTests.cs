using TaobaoVillage.IO;

namespace TaobaoVillage.Tests;

public class WriteBehindStreamTests
{
    [Fact]
    public void Write_PastTwoIntervals_EveryByteCommittedAndTheKernelAskedOnLinux()
    {
        using var folder = new TempFolder();
        var target = folder.File("out.bin");
        var chunk = Enumerable.Range(0, 1 << 20).Select(i => (byte)(i * 7)).ToArray();
        var chunks = (int)(2 * WriteBehindStream.Interval / chunk.Length) + 1;

        using (var file = AtomicFile.Create(target))
        {
            for (var i = 0; i < chunks; i++)
            {
                file.Stream.Write(chunk);
            }

            Assert.Equal(OperatingSystem.IsLinux() ? 2 : 0, ((WriteBehindStream)file.Stream).Requests);
            Assert.Equal(2 * WriteBehindStream.Interval, ((WriteBehindStream)file.Stream).RequestedTo);
            file.Commit();
        }

        var written = File.ReadAllBytes(target);
        Assert.Equal((long)chunks * chunk.Length, written.Length);
        Assert.True(written.AsSpan(written.Length - chunk.Length).SequenceEqual(chunk));
    }

    [Fact]
    public void Seek_BackAndOverwrite_AsTheFileStreamWould()
    {
        using var folder = new TempFolder();
        var target = folder.File("out.bin");

        using (var file = AtomicFile.Create(target))
        {
            Assert.True(file.Stream.CanSeek);
            file.Stream.Write("abcdef"u8);
            file.Stream.Position = 2;
            file.Stream.WriteByte((byte)'X');
            Assert.Equal(3, file.Stream.Position);
            Assert.Equal(6, file.Stream.Length);
            file.Stream.Seek(0, SeekOrigin.End);
            file.Stream.Write("g"u8.ToArray(), 0, 1);
            file.Commit();
        }

        Assert.Equal("abXdefg", File.ReadAllText(target));
    }

    [Fact]
    public void Read_Refused()
    {
        using var stream = new WriteBehindStream(new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose));

        Assert.False(stream.CanRead);
        Assert.Throws<NotSupportedException>(() => stream.Read(new byte[1], 0, 1));
    }

    [Fact]
    public void Dispose_ClosesTheFile()
    {
        var inner = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);

        new WriteBehindStream(inner).Dispose();

        Assert.False(inner.CanWrite);
    }
}
