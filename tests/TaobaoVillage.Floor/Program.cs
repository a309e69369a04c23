using TaobaoVillage.Floor;

// taobao-floor IN OUT: the floor over a records file, its lines to OUT; prints the rows read.
if (args is not [var input, var output])
{
    Console.Error.WriteLine("usage: taobao-floor INPUT.csv OUTPUT.jsonl");
    return 2;
}

using (var file = File.Create(output))
{
    Console.WriteLine(ReferenceFloor.Run(input, file));
}

return 0;
